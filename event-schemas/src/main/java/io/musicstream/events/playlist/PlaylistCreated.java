package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user created an empty playlist, which they own. */
@Revision("1")
public record PlaylistCreated(
        String playlistId,
        String ownerId,
        String name,
        String description,
        boolean isPublic,
        boolean collaborative,
        Instant at,
        String by,
        String snapshotId) implements PlaylistEvent {
}
