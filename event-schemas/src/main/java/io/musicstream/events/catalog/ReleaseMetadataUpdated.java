package io.musicstream.events.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A redelivered release changed its own metadata (not its tracks); carries all of it anew, except the UPC,
 * which is the release's identity and never changes.
 */
@Revision("1")
public record ReleaseMetadataUpdated(
        String releaseId,
        String title,
        ReleaseType releaseType,
        List<String> artistIds,
        String label,
        LocalDate releaseDate,
        List<String> genres,
        String artworkUrl,
        Instant updatedAt) implements CatalogEvent {
}
