package io.musicstream.command.catalog;

import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.ReleaseType;
import java.time.LocalDate;
import java.util.List;

/** A release's own fields, apart from its tracks; compared to find what a redelivery changed. */
record ReleaseMetadata(String title, ReleaseType releaseType, List<String> artistIds, String label,
                       LocalDate releaseDate, List<String> genres, String artworkUrl) {

    static ReleaseMetadata of(IngestRelease c) {
        return new ReleaseMetadata(c.title().strip(), c.releaseType(), c.artistIds(), c.label(), c.releaseDate(),
                c.genres() == null ? List.of() : c.genres(), c.artworkUrl());
    }

    static ReleaseMetadata of(ReleaseIngested e) {
        return new ReleaseMetadata(e.title(), e.releaseType(), e.artistIds(), e.label(), e.releaseDate(), e.genres(),
                e.artworkUrl());
    }

    static ReleaseMetadata of(ReleaseMetadataUpdated e) {
        return new ReleaseMetadata(e.title(), e.releaseType(), e.artistIds(), e.label(), e.releaseDate(), e.genres(),
                e.artworkUrl());
    }
}
