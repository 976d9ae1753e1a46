package io.musicstream.projections.catalog.browse;

import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;

/** An artist as the browse read model holds it (table {@code browse_artist}). */
record BrowseArtist(String artistId, String name, Instant registeredAt) {

    static final String COLUMNS = "a.artist_id, a.name, a.registered_at";

    static final RowMapper<BrowseArtist> MAPPER = (rs, i) -> new BrowseArtist(rs.getString("artist_id"),
            rs.getString("name"), rs.getTimestamp("registered_at").toInstant());
}
