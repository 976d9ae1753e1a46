package io.musicstream.command.playlist;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Inserts 1 to 100 tracks, in order, before {@code position}.
 *
 * @param position           {@code null} appends to the current list, whatever the snapshot
 * @param expectedSnapshotId the snapshot the edit was made on, or {@code null} for the current one
 */
public record AddTracksToPlaylist(
        @TargetAggregateIdentifier String playlistId,
        String userId,
        List<String> trackIds,
        Integer position,
        String expectedSnapshotId,
        Instant at) {
}
