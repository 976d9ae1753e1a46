package io.musicstream.command.royalty;

/** A rights holder's share of a track's money, in basis points of the track's share list. */
public record Share(String partyId, int basisPoints) {

    public Share {
        if (partyId == null || basisPoints <= 0) {
            throw new IllegalArgumentException("a share needs a partyId and positive basis points: " + partyId
                    + " " + basisPoints);
        }
    }
}
