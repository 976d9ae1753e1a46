package io.musicstream.events.catalog;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A track was blocked in {@code territories} (only those not blocked before), or everywhere when the list is empty. */
@Revision("1")
public record TrackTakenDown(
        String releaseId,
        String trackId,
        List<String> territories,
        String reason,
        Instant takenDownAt) implements CatalogEvent {
}
