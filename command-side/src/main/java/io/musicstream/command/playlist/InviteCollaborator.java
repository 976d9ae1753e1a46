package io.musicstream.command.playlist;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The owner invites a user to edit a collaborative playlist's items; the invitation lapses
 * {@link Playlist#INVITATION_LIFETIME} after {@code at}.
 *
 * @param invitationId chosen by the server, unique across playlists (the invitation saga is keyed by it)
 */
public record InviteCollaborator(
        @TargetAggregateIdentifier String playlistId,
        String userId,
        String invitationId,
        String inviteeId,
        Instant at) {
}
