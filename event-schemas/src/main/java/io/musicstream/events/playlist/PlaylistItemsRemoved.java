package io.musicstream.events.playlist;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Items removed at once.
 *
 * @param positions ascending, positions in the list before the removal
 * @param itemIds   the removed items' ids, in the order of {@code positions}
 */
@Revision("1")
public record PlaylistItemsRemoved(
        String playlistId,
        List<Integer> positions,
        List<String> itemIds,
        Instant at,
        String by,
        String snapshotId) implements PlaylistEvent {
}
