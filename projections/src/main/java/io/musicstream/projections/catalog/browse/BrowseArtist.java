package io.musicstream.projections.catalog.browse;

import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;

/**
 * An artist as the browse read model holds it (table {@code browse_artist}), with its popularity and monthly
 * listeners from the {@code popularity} table (alias {@code p}, see {@link #FROM}).
 */
record BrowseArtist(String artistId, String name, Instant registeredAt, int popularity, long monthlyListeners) {

    static final String COLUMNS = "a.artist_id, a.name, a.registered_at, coalesce(p.popularity, 0) as popularity, "
            + "coalesce(p.monthly_listeners, 0) as monthly_listeners";

    static final String FROM = " from browse_artist a left join popularity p on p.kind = 'artist' and p.item_id = a.artist_id ";

    static final RowMapper<BrowseArtist> MAPPER = (rs, i) -> new BrowseArtist(rs.getString("artist_id"),
            rs.getString("name"), rs.getTimestamp("registered_at").toInstant(), rs.getInt("popularity"),
            rs.getLong("monthly_listeners"));
}
