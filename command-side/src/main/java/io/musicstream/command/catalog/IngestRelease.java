package io.musicstream.command.catalog;

import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.TrackSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

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
