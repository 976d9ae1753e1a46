package io.musicstream.command.royalty;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Counted streams of one track by one user on one UTC day in a pool, with the track's rights shares as they
 * were when the streams were played.
 *
 * @param soughtOut the listener chose the track (search, library, their own playlist)
 */
public record Usage(String userId, String trackId, LocalDate day, boolean soughtOut, long streams, List<Share> shares) {

    public Usage {
        if (userId == null || trackId == null || day == null || streams < 0 || shares == null || shares.isEmpty()
                || shares.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a usage needs a user, a track, a day, streams >= 0 and shares: "
                    + userId + " " + trackId + " " + day + " " + streams + " " + shares);
        }
        shares = List.copyOf(shares);
    }
}
