package io.musicstream.projections.catalog.browse;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/**
 * A track as the browse read model holds it (table {@code browse_track}, alias {@code t}), with its popularity
 * from {@code popularity} (alias {@code p}) and its counted streams ever from {@code popularity_total} (alias
 * {@code pt}, see {@link #FROM}).
 */
record BrowseTrack(String trackId, String releaseId, String isrc, String title, long durationMs,
                          int discNumber, int trackNumber, boolean explicit, List<String> artistIds,
                          List<String> territories, boolean blockedEverywhere, List<String> blockedTerritories,
                          String takedownReason, Instant takenDownAt, long playCount, int popularity) {

    static final String COLUMNS = "t.track_id, t.release_id, t.isrc, t.title, t.duration_ms, t.disc_number, "
            + "t.track_number, t.explicit, t.artist_ids, t.territories, t.blocked_everywhere, "
            + "t.blocked_territories, t.takedown_reason, t.taken_down_at, coalesce(pt.streams_total, 0) as play_count, "
            + "coalesce(p.popularity, 0) as popularity";

    /** The tracks with their popularity and streams ever, if they have them (primary-key lookups per track). */
    static final String FROM = " from browse_track t left join popularity p on p.kind = 'track' and p.item_id = t.track_id "
            + "left join popularity_total pt on pt.kind = 'track' and pt.item_id = t.track_id ";

    static final RowMapper<BrowseTrack> MAPPER = (rs, i) -> {
        Timestamp takenDownAt = rs.getTimestamp("taken_down_at");
        return new BrowseTrack(rs.getString("track_id"), rs.getString("release_id"), rs.getString("isrc"),
                rs.getString("title"), rs.getLong("duration_ms"), rs.getInt("disc_number"),
                rs.getInt("track_number"), rs.getBoolean("explicit"), SqlArrays.strings(rs.getArray("artist_ids")),
                SqlArrays.strings(rs.getArray("territories")), rs.getBoolean("blocked_everywhere"),
                SqlArrays.strings(rs.getArray("blocked_territories")), rs.getString("takedown_reason"),
                takenDownAt == null ? null : takenDownAt.toInstant(), rs.getLong("play_count"), rs.getInt("popularity"));
    };

    /** Whether the track can be played in {@code territory} (or anywhere, when {@code null}). */
    Availability availability(String territory) {
        return Availability.of(territories, blockedEverywhere, blockedTerritories, territory);
    }

    /** Whether any takedown is in force, everywhere or in some territories. */
    boolean takenDown() {
        return blockedEverywhere || !blockedTerritories.isEmpty();
    }
}
