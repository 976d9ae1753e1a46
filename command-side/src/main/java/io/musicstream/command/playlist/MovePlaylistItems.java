package io.musicstream.command.playlist;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves {@code rangeLength} items from {@code rangeStart} to before the item at {@code insertBefore}
 * (Spotify's reorder; positions in the list before the move).
 *
 * @param rangeLength {@code null} for 1
 */
public record MovePlaylistItems(
        @TargetAggregateIdentifier String playlistId,
        String userId,
        int rangeStart,
        Integer rangeLength,
        int insertBefore,
        String expectedSnapshotId,
        Instant at) {
}
