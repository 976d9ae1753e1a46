package io.musicstream.query.library;

import io.musicstream.projections.catalog.browse.CatalogBrowse;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ArtistRef;
import io.musicstream.projections.catalog.browse.CatalogBrowse.Page;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ReleaseSummary;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TrackSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A user's library section, newest first, with catalog metadata from the browse read model. */
@Service
public class LibraryListing {

    private final JdbcClient jdbc;
    private final CatalogBrowse catalog;

    public LibraryListing(JdbcClient jdbc, CatalogBrowse catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /**
     * One saved item; exactly one of {@code track}, {@code album}, {@code artist} is set, or none when the
     * catalog no longer knows the item.
     */
    public record Item(String itemId, Instant savedAt, long token, TrackSummary track, ReleaseSummary album,
                       ArtistRef artist) {
    }

    private record Saved(String itemId, Instant savedAt, long token) {
    }

    /** @param itemType {@code track}, {@code album} or {@code artist} */
    public Page<Item> list(String userId, String itemType, String territory, int limit, int offset) {
        long total = jdbc.sql("select count(*) from library_item where user_id = ? and item_type = ?")
                .params(userId, itemType).query(Long.class).single();
        List<Saved> saved = jdbc.sql("""
                        select item_id, saved_at, token from library_item where user_id = ? and item_type = ?
                        order by saved_at desc, token desc limit ? offset ?""")
                .params(userId, itemType, limit, offset)
                .query((rs, i) -> new Saved(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .list();
        List<String> ids = saved.stream().map(Saved::itemId).toList();
        Map<String, TrackSummary> tracks = itemType.equals("track") ? catalog.trackSummaries(ids, territory) : Map.of();
        Map<String, ReleaseSummary> albums = itemType.equals("album") ? catalog.releaseSummaries(ids) : Map.of();
        Map<String, ArtistRef> artists = itemType.equals("artist") ? catalog.artistRefs(ids) : Map.of();
        List<Item> items = saved.stream()
                .map(s -> new Item(s.itemId(), s.savedAt(), s.token(), tracks.get(s.itemId()), albums.get(s.itemId()),
                        artists.get(s.itemId())))
                .toList();
        return new Page<>(total, limit, offset, items);
    }
}
