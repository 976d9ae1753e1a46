package io.musicstream.events.playlist;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The invitee accepted and is a collaborator from now on ({@code by} is the invitee). */
@Revision("1")
public record InvitationAccepted(String playlistId, String invitationId, String inviteeId, Instant at, String by)
        implements PlaylistEvent {
}
