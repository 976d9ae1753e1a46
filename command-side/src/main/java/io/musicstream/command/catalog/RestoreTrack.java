package io.musicstream.command.catalog;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts a takedown in the given territories, or every takedown of the track when the list is empty. */
public record RestoreTrack(
        @TargetAggregateIdentifier String releaseId,
        String trackId,
        List<String> territories,
        Instant restoredAt) {
}
