package io.musicstream.events.catalog;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ArtistRegistered(
        String artistId,
        String name,
        Instant registeredAt) implements CatalogEvent {
}
