package io.musicstream.projections.catalog.browse;

import io.musicstream.events.catalog.ReleaseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/**
 * A release as the browse read model holds it (table {@code browse_release}, alias {@code r}), with its
 * popularity from the {@code popularity} table (alias {@code p}, see {@link #FROM}).
 */
record BrowseRelease(String releaseId, String upc, String title, ReleaseType releaseType,
                            List<String> artistIds, String label, LocalDate releaseDate, List<String> genres,
                            String artworkUrl, int trackCount, Instant ingestedAt, int popularity) {

    static final String COLUMNS = "r.release_id, r.upc, r.title, r.release_type, r.artist_ids, r.label, "
            + "r.release_date, r.genres, r.artwork_url, r.track_count, r.ingested_at, coalesce(p.popularity, 0) as popularity";

    static final String FROM = " from browse_release r left join popularity p on p.kind = 'album' and p.item_id = r.release_id ";

    static final RowMapper<BrowseRelease> MAPPER = (rs, i) -> new BrowseRelease(rs.getString("release_id"),
            rs.getString("upc"), rs.getString("title"), ReleaseType.valueOf(rs.getString("release_type")),
            SqlArrays.strings(rs.getArray("artist_ids")), rs.getString("label"),
            rs.getObject("release_date", LocalDate.class), SqlArrays.strings(rs.getArray("genres")),
            rs.getString("artwork_url"), rs.getInt("track_count"), rs.getTimestamp("ingested_at").toInstant(), rs.getInt("popularity"));
}
