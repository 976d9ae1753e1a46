package io.musicstream.events.catalog;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An artist entered the catalog; releases and tracks name it by {@code artistId}. */
@Revision("1")
public record ArtistRegistered(
        String artistId,
        String name,
        Instant registeredAt) implements CatalogEvent {
}
