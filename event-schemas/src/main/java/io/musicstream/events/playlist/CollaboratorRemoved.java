package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The owner removed a collaborator, or the collaborator left ({@code by} is then the collaborator). */
@Revision("1")
public record CollaboratorRemoved(String playlistId, String collaboratorId, Instant at, String by)
        implements PlaylistEvent {
}
