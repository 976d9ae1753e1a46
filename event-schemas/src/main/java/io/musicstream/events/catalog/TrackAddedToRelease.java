package io.musicstream.events.catalog;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A redelivered release brought a track it did not have. */
@Revision("1")
public record TrackAddedToRelease(
        String releaseId,
        TrackSpec track,
        Instant addedAt) implements CatalogEvent {
}
