package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The {@code rangeLength} items from {@code rangeStart} moved to stand before the item at {@code insertBefore}
 * (Spotify's reorder): both positions are in the list before the move, {@code insertBefore} equal to its size
 * moves the range to the end. Never outside [rangeStart, rangeStart + rangeLength] (that would move nothing).
 */
@Revision("1")
public record PlaylistItemsMoved(
        String playlistId,
        int rangeStart,
        int rangeLength,
        int insertBefore,
        Instant at,
        String by,
        String snapshotId) implements PlaylistEvent {
}
