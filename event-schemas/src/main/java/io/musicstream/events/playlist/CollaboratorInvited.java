package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The owner invited a user to edit a collaborative playlist's items; the invitation lapses at {@code expiresAt}. */
@Revision("1")
public record CollaboratorInvited(
        String playlistId,
        String invitationId,
        String inviteeId,
        Instant expiresAt,
        Instant at,
        String by) implements PlaylistEvent {
}
