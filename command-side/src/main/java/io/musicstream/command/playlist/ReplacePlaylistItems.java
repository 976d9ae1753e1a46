package io.musicstream.command.playlist;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces every item by 0 to 10,000 tracks, in order. */
public record ReplacePlaylistItems(
        @TargetAggregateIdentifier String playlistId,
        String userId,
        List<String> trackIds,
        Instant at) {
}
