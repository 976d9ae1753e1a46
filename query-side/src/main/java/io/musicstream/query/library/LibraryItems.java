package io.musicstream.query.library;

import io.musicstream.projections.library.LibraryListing.Saved;
import io.musicstream.projections.catalog.browse.CatalogBrowse;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ArtistRef;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ReleaseSummary;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TrackSummary;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Saved items with their catalog metadata from the browse read model. */
@Component
class LibraryItems {

    private final CatalogBrowse catalog;

    LibraryItems(CatalogBrowse catalog) {
        this.catalog = catalog;
    }

    /** @param itemType {@code track}, {@code album} or {@code artist}: the type of every item in {@code saved} */
    List<LibraryItem> describe(List<Saved> saved, String itemType, String territory) {
        List<String> ids = saved.stream().map(Saved::itemId).toList();
        Map<String, TrackSummary> tracks = itemType.equals("track") ? catalog.trackSummaries(ids, territory) : Map.of();
        Map<String, ReleaseSummary> albums = itemType.equals("album") ? catalog.releaseSummaries(ids) : Map.of();
        Map<String, ArtistRef> artists = itemType.equals("artist") ? catalog.artistRefs(ids) : Map.of();
        return saved.stream()
                .map(s -> new LibraryItem(s.itemId(), s.savedAt(), s.token(), tracks.get(s.itemId()),
                        albums.get(s.itemId()), artists.get(s.itemId())))
                .toList();
    }
}
