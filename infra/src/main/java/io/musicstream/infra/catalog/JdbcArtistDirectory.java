package io.musicstream.infra.catalog;

import io.musicstream.command.catalog.ArtistDirectory;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers from the artist directory read model, which commits together with ArtistRegistered. */
@Component
class JdbcArtistDirectory implements ArtistDirectory {

    private final JdbcClient jdbc;

    JdbcArtistDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> unknownArtists(Collection<String> artistIds) {
        Set<String> wanted = new HashSet<>();
        artistIds.stream().filter(id -> id != null && !id.isBlank()).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        List<String> known = jdbc.sql("select artist_id from catalog_artist where artist_id in (:ids)")
                .param("ids", wanted).query(String.class).list();
        known.forEach(wanted::remove);
        return wanted;
    }
}
