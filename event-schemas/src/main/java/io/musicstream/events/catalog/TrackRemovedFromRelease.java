package io.musicstream.events.catalog;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A redelivered release no longer lists this track. */
@Revision("1")
public record TrackRemovedFromRelease(
        String releaseId,
        String trackId,
        Instant removedAt) implements CatalogEvent {
}
