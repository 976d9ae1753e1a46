package io.musicstream.events.catalog;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A track's metadata changed; carries the whole new state so projections can overwrite. */
@Revision("1")
public record TrackMetadataUpdated(
        String releaseId,
        TrackSpec track,
        Instant updatedAt) implements CatalogEvent {
}
