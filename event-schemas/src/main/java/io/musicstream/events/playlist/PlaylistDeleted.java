package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The owner deleted a playlist; it takes no command any more. */
@Revision("1")
public record PlaylistDeleted(String playlistId, String ownerId, Instant at, String by) implements PlaylistEvent {
}
