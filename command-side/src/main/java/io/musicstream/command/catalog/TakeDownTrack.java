package io.musicstream.command.catalog;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Blocks a track in the given territories, or everywhere when {@code territories} is empty. */
public record TakeDownTrack(
        @TargetAggregateIdentifier String releaseId,
        String trackId,
        List<String> territories,
        String reason,
        Instant takenDownAt) {
}
