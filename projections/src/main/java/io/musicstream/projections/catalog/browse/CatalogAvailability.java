package io.musicstream.projections.catalog.browse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether catalog items exist and can be played, from the browse read model, for the checks commands pass
 * (library saves, plays): one query per call.
 */
@Repository
public class CatalogAvailability {

    private final JdbcClient jdbc;

    CatalogAvailability(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A track the catalog knows: its length and whether it can be played in the territory asked. */
    public record PlayableTrack(long durationMs, Availability availability) {
    }

    /** A track as plays need it: its length, release, artists, and where it may be played. */
    public record TrackFacts(long durationMs, String releaseId, List<String> artistIds, List<String> territories,
                             boolean blockedEverywhere, List<String> blockedTerritories) {

        /** @param territory the listener's territory, or {@code null} when not known */
        public Availability in(String territory) {
            return Availability.of(territories, blockedEverywhere, blockedTerritories, territory);
        }
    }

    /** The tracks the catalog knows among {@code trackIds}, by id. */
    public Map<String, PlayableTrack> tracks(Collection<String> trackIds, String territory) {
        Map<String, PlayableTrack> found = new HashMap<>();
        trackFacts(trackIds).forEach((id, track) -> found.put(id, new PlayableTrack(track.durationMs(),
                track.in(territory))));
        return found;
    }

    /** The tracks the catalog knows among {@code trackIds}, by id, in one statement. */
    public Map<String, TrackFacts> trackFacts(Collection<String> trackIds) {
        Map<String, TrackFacts> found = new HashMap<>();
        jdbc.sql("""
                        select track_id, territories, blocked_everywhere, blocked_territories, duration_ms,
                               release_id, artist_ids
                        from browse_track where track_id = any(?)""")
                .param(trackIds.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    found.put(rs.getString(1), new TrackFacts(rs.getLong(5), rs.getString(6), strings(rs, 7),
                            strings(rs, 2), rs.getBoolean(3), strings(rs, 4)));
                });
        return found;
    }

    /**
     * The albums the catalog knows among {@code releaseIds}, by id, each with the availability of its tracks
     * (none for an album without tracks).
     */
    public Map<String, List<Availability>> albums(Collection<String> releaseIds, String territory) {
        Map<String, List<Availability>> found = new HashMap<>();
        jdbc.sql("""
                        select r.release_id, t.territories, t.blocked_everywhere, t.blocked_territories
                        from browse_release r left join browse_track t on t.release_id = r.release_id
                        where r.release_id = any(?)""")
                .param(releaseIds.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    List<Availability> tracks = found.computeIfAbsent(rs.getString(1), id -> new ArrayList<>());
                    if (rs.getArray(2) != null) {
                        tracks.add(availability(rs, territory));
                    }
                });
        return found;
    }

    /** The artists the catalog knows among {@code artistIds}. */
    public Set<String> artists(Collection<String> artistIds) {
        return new HashSet<>(jdbc.sql("select artist_id from browse_artist where artist_id = any(?)")
                .param(artistIds.toArray(String[]::new)).query(String.class).list());
    }

    private static Availability availability(ResultSet rs, String territory) throws SQLException {
        return Availability.of(strings(rs, 2), rs.getBoolean(3), strings(rs, 4), territory);
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
