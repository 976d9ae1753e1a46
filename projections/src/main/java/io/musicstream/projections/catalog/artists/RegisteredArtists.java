package io.musicstream.projections.catalog.artists;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the artist directory: which artists exist, and their names. */
@Repository
public class RegisteredArtists {

    private final JdbcClient jdbc;

    RegisteredArtists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code artistIds} that are registered. */
    public Set<String> known(Collection<String> artistIds) {
        if (artistIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select artist_id from catalog_artist where artist_id in (:ids)")
                .param("ids", List.copyOf(artistIds)).query(String.class).list());
    }

    /** The names of those of {@code artistIds} that are registered, by id. */
    public Map<String, String> names(Collection<String> artistIds) {
        if (artistIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select artist_id, name from catalog_artist where artist_id in (:ids)")
                .param("ids", List.copyOf(artistIds))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
