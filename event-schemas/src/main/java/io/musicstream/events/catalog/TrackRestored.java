package io.musicstream.events.catalog;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Takedowns of a track were lifted in {@code territories} (only those that were blocked), or all of them when
 * the list is empty.
 */
@Revision("1")
public record TrackRestored(
        String releaseId,
        String trackId,
        List<String> territories,
        Instant restoredAt) implements CatalogEvent {
}
