package io.musicstream.infra.playlist.imports;

import io.musicstream.projections.catalog.search.CatalogSearch;
import io.musicstream.query.playlist.formats.TrackLookup;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog as a playlist import asks it: ISRCs in the browse read model (a track still available first, then
 * the lowest id, when releases share a recording), titles and artists through catalog search.
 */
@Component
class CatalogTrackLookup implements TrackLookup {

    private static final int CANDIDATES = 10;

    private final JdbcTemplate jdbc;
    private final CatalogSearch search;

    CatalogTrackLookup(JdbcTemplate jdbc, CatalogSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    @Override
    public Optional<String> byIsrc(String isrc) {
        return jdbc.queryForList("""
                select track_id from browse_track where isrc = ?
                order by blocked_everywhere, taken_down_at is not null, track_id collate "C" limit 1""",
                String.class, isrc).stream().findFirst();
    }

    @Override
    public List<Candidate> byTitleAndArtist(String title, String artist) {
        String text = artist == null ? title : title + " " + artist;
        return search.search(text, List.of("track"), CatalogSearch.Filters.NONE, CANDIDATES, 0)
                .getOrDefault("track", new CatalogSearch.KindResults(0, List.of())).items().stream()
                .map(hit -> new Candidate(hit.id(), hit.name(), hit.artists(), hit.durationMs()))
                .toList();
    }
}
