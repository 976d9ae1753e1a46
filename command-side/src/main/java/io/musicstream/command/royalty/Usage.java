package io.musicstream.command.royalty;

import java.time.LocalDate;
import java.util.List;

/**
 * Counted streams of one track by one user on one UTC day in a pool, with the track's rights shares as they
 * were when the streams were played.
 *
 * @param soughtOut the listener chose the track (search, library, their own playlist)
 */
public record Usage(String userId, String trackId, LocalDate day, boolean soughtOut, long streams, List<Share> shares) {

    public Usage {
        if (userId == null || trackId == null || day == null || streams < 0 || shares == null || shares.isEmpty()
                || anyNull(shares)) {
            throw new IllegalArgumentException("a usage needs a user, a track, a day, streams >= 0 and shares: "
                    + userId + " " + trackId + " " + day + " " + streams + " " + shares);
        }
        shares = List.copyOf(shares);
    }

    // a loop, not a stream: a replay makes millions of usages
    private static boolean anyNull(List<Share> shares) {
        for (Share share : shares) {
            if (share == null) {
                return true;
            }
        }
        return false;
    }
}
