package io.musicstream.command.playlist;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invitation saga lapses an invitation at its expiry; one already answered or lapsed stays as it is. */
public record ExpireInvitation(
        @TargetAggregateIdentifier String playlistId,
        String invitationId,
        Instant at) {
}
