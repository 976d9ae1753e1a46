package io.musicstream.events.playlist;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Every item replaced by {@code items} (new item ids), possibly none. */
@Revision("1")
public record PlaylistItemsReplaced(
        String playlistId,
        List<PlaylistItem> items,
        Instant at,
        String by,
        String snapshotId) implements PlaylistEvent {
}
