package io.musicstream.command.playlist;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner removes a collaborator, or a collaborator leaves ({@code userId} equal to {@code collaboratorId}). */
public record RemoveCollaborator(
        @TargetAggregateIdentifier String playlistId,
        String userId,
        String collaboratorId,
        Instant at) {
}
