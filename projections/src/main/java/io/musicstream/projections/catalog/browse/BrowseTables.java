package io.musicstream.projections.catalog.browse;

import io.musicstream.projections.catalog.browse.CatalogBrowse.GenreCount;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ReleaseRef;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queries of the {@code browse_*} tables behind {@link CatalogBrowse}'s pages. */
@Repository
class BrowseTables {

    private final JdbcClient jdbc;

    BrowseTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BrowseArtist> artist(String artistId) {
        return jdbc.sql("select " + BrowseArtist.COLUMNS + BrowseArtist.FROM + "where a.artist_id = ?")
                .param(artistId).query(BrowseArtist.MAPPER).optional();
    }

    /** The artist's releases, newest first (undated ones last). */
    List<BrowseRelease> releasesOf(String artistId) {
        return jdbc.sql("select " + BrowseRelease.COLUMNS + BrowseRelease.FROM + """
                        where r.artist_ids @> array[cast(? as text)]
                        order by r.release_date desc nulls last, r.title, r.release_id""")
                .param(artistId).query(BrowseRelease.MAPPER).list();
    }

    /**
     * A page of the artist's tracks, most popular first: by popularity, then by the streams of the window
     * weighted by age, then by streams ever.
     */
    List<BrowseTrack> tracksByPopularity(String artistId, int limit, int offset) {
        return jdbc.sql("select " + BrowseTrack.COLUMNS + BrowseTrack.FROM + """
                        where t.artist_ids @> array[cast(? as text)]
                        order by coalesce(p.popularity, 0) desc, coalesce(p.score, 0) desc,
                                 coalesce(pt.streams_total, 0) desc, t.title, t.track_id
                        limit ? offset ?""")
                .params(artistId, limit, offset).query(BrowseTrack.MAPPER).list();
    }

    Optional<BrowseRelease> release(String releaseId) {
        return jdbc.sql("select " + BrowseRelease.COLUMNS + BrowseRelease.FROM + "where r.release_id = ?")
                .param(releaseId).query(BrowseRelease.MAPPER).optional();
    }

    /** The release's tracks in disc and track order. */
    List<BrowseTrack> tracksOf(String releaseId) {
        return jdbc.sql("select " + BrowseTrack.COLUMNS + BrowseTrack.FROM + """
                        where t.release_id = ?
                        order by t.disc_number, t.track_number, t.track_id""")
                .param(releaseId).query(BrowseTrack.MAPPER).list();
    }

    Optional<BrowseTrack> track(String trackId) {
        return jdbc.sql("select " + BrowseTrack.COLUMNS + BrowseTrack.FROM + "where t.track_id = ?")
                .param(trackId).query(BrowseTrack.MAPPER).optional();
    }

    long releaseCount() {
        return jdbc.sql("select count(*) from browse_release").query(Long.class).single();
    }

    /** A page of releases by release date, newest first (undated ones last). */
    List<BrowseRelease> releasesByDate(int limit, int offset) {
        return jdbc.sql("select " + BrowseRelease.COLUMNS + BrowseRelease.FROM + """
                        order by r.release_date desc nulls last, r.release_id
                        limit ? offset ?""")
                .params(limit, offset).query(BrowseRelease.MAPPER).list();
    }

    /** Every genre with the number of releases that list it, most releases first. */
    List<GenreCount> genres() {
        return jdbc.sql("""
                        select g.genre, count(distinct r.release_id) as releases
                        from browse_release r cross join unnest(r.genres) as g(genre)
                        group by g.genre
                        order by releases desc, g.genre""")
                .query((rs, i) -> new GenreCount(rs.getString("genre"), rs.getLong("releases")))
                .list();
    }

    List<BrowseTrack> tracks(Collection<String> trackIds) {
        return jdbc.sql("select " + BrowseTrack.COLUMNS + BrowseTrack.FROM + "where t.track_id = any(cast(? as text[]))")
                .param(distinct(trackIds)).query(BrowseTrack.MAPPER).list();
    }

    List<BrowseRelease> releases(Collection<String> releaseIds) {
        return jdbc.sql("select " + BrowseRelease.COLUMNS + BrowseRelease.FROM + "where r.release_id = any(cast(? as text[]))")
                .param(distinct(releaseIds)).query(BrowseRelease.MAPPER).list();
    }

    /** Releases by id as tracks refer to them; ids the catalog does not know are absent. */
    Map<String, ReleaseRef> releaseRefs(Collection<String> releaseIds) {
        Map<String, ReleaseRef> refs = new HashMap<>();
        if (releaseIds.isEmpty()) {
            return refs;
        }
        jdbc.sql("""
                        select release_id, title, release_date, artwork_url from browse_release
                        where release_id = any(cast(? as text[]))""")
                .param(distinct(releaseIds))
                .query((rs, i) -> new ReleaseRef(rs.getString("release_id"), rs.getString("title"),
                        rs.getObject("release_date", LocalDate.class), rs.getString("artwork_url")))
                .list().forEach(r -> refs.put(r.releaseId(), r));
        return refs;
    }

    /** Artist names by id; ids the catalog does not know are absent. */
    Map<String, String> artistNames(Collection<String> artistIds) {
        Map<String, String> names = new HashMap<>();
        if (artistIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select artist_id, name from browse_artist where artist_id = any(cast(? as text[]))")
                .param(distinct(artistIds))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    private static String[] distinct(Collection<String> ids) {
        return new LinkedHashSet<>(ids).toArray(String[]::new);
    }
}
