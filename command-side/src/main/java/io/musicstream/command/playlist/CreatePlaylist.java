package io.musicstream.command.playlist;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A user creates an empty playlist they own.
 *
 * @param playlistId chosen by the server (never by a client: ids are global), at most {@code InputRules.ID}
 * @param at         when the server received the request
 */
public record CreatePlaylist(
        @TargetAggregateIdentifier String playlistId,
        String ownerId,
        String name,
        String description,
        boolean isPublic,
        boolean collaborative,
        Instant at) {
}
