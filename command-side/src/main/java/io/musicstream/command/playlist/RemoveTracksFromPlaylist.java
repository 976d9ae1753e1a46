package io.musicstream.command.playlist;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes every occurrence of {@code trackIds}, or the items at {@code positions}: exactly one of the two,
 * with 1 to 100 entries.
 *
 * @param expectedSnapshotId the snapshot the positions refer to, or {@code null} for the current one
 */
public record RemoveTracksFromPlaylist(
        @TargetAggregateIdentifier String playlistId,
        String userId,
        List<String> trackIds,
        List<Integer> positions,
        String expectedSnapshotId,
        Instant at) {
}
