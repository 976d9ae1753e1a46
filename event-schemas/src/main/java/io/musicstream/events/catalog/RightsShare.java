package io.musicstream.events.catalog;

/**
 * A party paid from a track's plays. Shares are in basis points (1/100 of a percent): all of a track's
 * shares sum to 10,000, so money is split without floating point.
 */
public record RightsShare(
        String partyId,
        String name,
        RightsRole role,
        int shareBasisPoints) {
}
