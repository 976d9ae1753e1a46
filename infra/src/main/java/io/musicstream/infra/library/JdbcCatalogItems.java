package io.musicstream.infra.library;

import io.musicstream.command.library.CatalogItems;
import io.musicstream.command.playback.PlayableTracks;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.projections.catalog.browse.Availability;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Library saves and plays checked against the catalog browse read model, one query per request. */
@Component
class JdbcCatalogItems implements CatalogItems, PlayableTracks {

    private final JdbcClient jdbc;

    JdbcCatalogItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Refusal> refusals(LibraryItemType type, Collection<String> itemIds, String territory) {
        String[] ids = itemIds.toArray(String[]::new);
        switch (type) {
            case TRACK:
                return tracks(ids, territory);
            case ALBUM:
                return albums(ids, territory);
            case ARTIST:
                return artists(ids);
            default:
                throw new IllegalArgumentException("unknown item type " + type);
        }
    }

    @Override
    public Optional<Track> track(String trackId, String territory) {
        return jdbc.sql("""
                        select duration_ms, territories, blocked_everywhere, blocked_territories
                        from browse_track where track_id = ?""")
                .param(trackId)
                .query((rs, row) -> {
                    Availability availability = availability(rs, territory);
                    return new Track(rs.getLong(1), availability.available() ? null : availability.reason());
                }).optional();
    }

    private Map<String, Refusal> tracks(String[] ids, String territory) {
        Map<String, Availability> found = new HashMap<>();
        jdbc.sql("""
                        select track_id, territories, blocked_everywhere, blocked_territories
                        from browse_track where track_id = any(?)""")
                .param(ids)
                .query((ResultSet rs) -> {
                    found.put(rs.getString(1), availability(rs, territory));
                });
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        for (String id : ids) {
            Availability availability = found.get(id);
            if (availability == null) {
                refusals.put(id, new Refusal(true, "track " + id + " does not exist"));
            } else if (!availability.available()) {
                refusals.put(id, new Refusal(false, "track " + id + " is not available: " + availability.reason()));
            }
        }
        return refusals;
    }

    private Map<String, Refusal> albums(String[] ids, String territory) {
        Set<String> existing = new HashSet<>();
        Map<String, String> unavailable = new HashMap<>();
        Set<String> playable = new HashSet<>();
        jdbc.sql("""
                        select r.release_id, t.territories, t.blocked_everywhere, t.blocked_territories
                        from browse_release r left join browse_track t on t.release_id = r.release_id
                        where r.release_id = any(?)""")
                .param(ids)
                .query((ResultSet rs) -> {
                    String id = rs.getString(1);
                    existing.add(id);
                    if (rs.getArray(2) == null) {
                        unavailable.putIfAbsent(id, "it has no tracks");
                        return;
                    }
                    Availability availability = availability(rs, territory);
                    if (availability.available()) {
                        playable.add(id);
                    } else {
                        unavailable.putIfAbsent(id, "no track is available (" + availability.reason() + ")");
                    }
                });
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        for (String id : ids) {
            if (!existing.contains(id)) {
                refusals.put(id, new Refusal(true, "album " + id + " does not exist"));
            } else if (!playable.contains(id)) {
                refusals.put(id, new Refusal(false, "album " + id + " is not available: " + unavailable.get(id)));
            }
        }
        return refusals;
    }

    private Map<String, Refusal> artists(String[] ids) {
        Set<String> existing = new HashSet<>(jdbc.sql("select artist_id from browse_artist where artist_id = any(?)")
                .param(ids).query(String.class).list());
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        for (String id : ids) {
            if (!existing.contains(id)) {
                refusals.put(id, new Refusal(true, "artist " + id + " does not exist"));
            }
        }
        return refusals;
    }

    private static Availability availability(ResultSet rs, String territory) throws SQLException {
        return Availability.of(strings(rs, 2), rs.getBoolean(3), strings(rs, 4), territory);
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
