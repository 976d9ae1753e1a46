package io.musicstream.query.library;

import io.musicstream.projections.catalog.browse.CatalogBrowse.ArtistRef;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ReleaseSummary;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TrackSummary;
import java.time.Instant;

/**
 * One saved item as the listing answers it; exactly one of {@code track}, {@code album}, {@code artist} is
 * set, or none when the catalog no longer knows the item.
 */
record LibraryItem(String itemId, Instant savedAt, long token, TrackSummary track, ReleaseSummary album,
                   ArtistRef artist) {
}
