package io.musicstream.events.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A release and all its tracks entered the catalog. Artists are named by id; projections look their names up. */
@Revision("1")
public record ReleaseIngested(
        String releaseId,
        String upc,
        String title,
        ReleaseType releaseType,
        List<String> artistIds,
        String label,
        LocalDate releaseDate,
        List<String> genres,
        String artworkUrl,
        List<TrackSpec> tracks,
        Instant ingestedAt) implements CatalogEvent {
}
