package io.musicstream.command.playlist;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner deletes a playlist. */
public record DeletePlaylist(@TargetAggregateIdentifier String playlistId, String userId, Instant at) {
}
