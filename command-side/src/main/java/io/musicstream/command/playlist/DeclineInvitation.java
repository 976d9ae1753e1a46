package io.musicstream.command.playlist;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invitee declines a pending invitation before it lapses. */
public record DeclineInvitation(
        @TargetAggregateIdentifier String playlistId,
        String invitationId,
        String userId,
        Instant at) {
}
