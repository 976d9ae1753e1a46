package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A pending invitation lapsed unanswered ({@code by} is {@code "system"}). */
@Revision("1")
public record InvitationExpired(String playlistId, String invitationId, String inviteeId, Instant at, String by)
        implements PlaylistEvent {
}
