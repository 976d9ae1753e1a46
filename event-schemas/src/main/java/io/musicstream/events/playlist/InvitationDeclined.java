package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The invitee declined ({@code by} is the invitee). */
@Revision("1")
public record InvitationDeclined(String playlistId, String invitationId, String inviteeId, Instant at, String by)
        implements PlaylistEvent {
}
