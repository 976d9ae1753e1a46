package io.musicstream.events.playlist;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Items inserted before {@code position} (the list's size: appended), in this order. */
@Revision("1")
public record PlaylistItemsAdded(
        String playlistId,
        int position,
        List<PlaylistItem> items,
        Instant at,
        String by,
        String snapshotId) implements PlaylistEvent {
}
