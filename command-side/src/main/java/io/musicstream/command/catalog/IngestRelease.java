package io.musicstream.command.catalog;

import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.TrackSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enters a release with all its tracks into the catalog. Its id derives from the UPC, so a redelivery reaches
 * the same release and writes only what changed.
 */
public record IngestRelease(
        @TargetAggregateIdentifier String releaseId,
        String upc,
        String title,
        ReleaseType releaseType,
        List<String> artistIds,
        String label,
        LocalDate releaseDate,
        List<String> genres,
        String artworkUrl,
        List<TrackSpec> tracks,
        Instant ingestedAt) {
}
