package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The owner changed a playlist's name, description, visibility or collaborative flag; carries all of them. */
@Revision("1")
public record PlaylistDetailsChanged(
        String playlistId,
        String name,
        String description,
        boolean isPublic,
        boolean collaborative,
        Instant at,
        String by,
        String snapshotId) implements PlaylistEvent {
}
