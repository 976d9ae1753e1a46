package io.musicstream.command.playlist;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The owner renames, describes, or sets visibility or the collaborative flag; {@code null} leaves a detail as
 * it is, an empty description removes it.
 */
public record ChangePlaylistDetails(
        @TargetAggregateIdentifier String playlistId,
        String userId,
        String name,
        String description,
        Boolean isPublic,
        Boolean collaborative,
        Instant at) {
}
