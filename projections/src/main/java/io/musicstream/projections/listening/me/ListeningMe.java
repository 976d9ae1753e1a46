package io.musicstream.projections.listening.me;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the listener reads about their own listening; each read is one indexed statement. */
@Repository
public class ListeningMe {

    /** The most items one read answers. */
    public static final int MAX_LIMIT = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ListeningMe(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A play of 30 s or more; {@code contextType} lower case ({@code album}, {@code playlist}...) or null. */
    public record RecentPlay(String playId, String trackId, Instant startedAt, String contextType, String contextId) {
    }

    /** An album, playlist or artist with its decayed score, counted streams and last UTC day played. */
    public record Rotation(String type, String id, double score, long streams, LocalDate lastPlayedDay) {
    }

    /** A track or artist with its counted streams in the range and when it was last played. */
    public record TopItem(String id, long streams, Instant lastPlayedAt) {
    }

    public record TopPage(long total, List<TopItem> items) {
    }

    /** Spotify's ranges: the last 28 days, the last 26 weeks, all time. */
    public enum Range {
        SHORT_TERM, MEDIUM_TERM, LONG_TERM
    }

    /** What top items rank. */
    public enum TopType {
        TRACKS("track"), ARTISTS("artist");

        private final String itemType;

        TopType(String itemType) {
            this.itemType = itemType;
        }
    }

    /**
     * The user's recent plays among their newest {@value ListeningMeProjection#RECENT_KEPT}, newest first: the
     * newest {@code limit} when no cursor is given, those that started before {@code before}, or the {@code limit}
     * oldest that started after {@code after} (so that paging forward misses none). Older rows wait for
     * {@link ListeningMeRetention} and are never shown.
     */
    public List<RecentPlay> recentlyPlayed(String userId, int limit, Instant before, Instant after) {
        if (after != null) {
            return jdbc.sql(NEWEST_KEPT + """
                            select * from (
                                select r.play_id, r.track_id, r.started_at, r.context_type, r.context_id
                                from me_recent_play r left join edge on true
                                where r.user_id = ? and r.started_at > ? and """ + WITHIN_KEPT + """
                                order by r.started_at, r.play_id limit ?) oldest
                            order by started_at desc, play_id desc""")
                    .params(userId, ListeningMeProjection.RECENT_KEPT - 1, userId, java.sql.Timestamp.from(after),
                            limit)
                    .query(ListeningMe::recent).list();
        }
        return jdbc.sql(NEWEST_KEPT + """
                        select r.play_id, r.track_id, r.started_at, r.context_type, r.context_id
                        from me_recent_play r left join edge on true
                        where r.user_id = ? and r.started_at < ? and """ + WITHIN_KEPT + """
                        order by r.started_at desc, r.play_id desc limit ?""")
                .params(userId, ListeningMeProjection.RECENT_KEPT - 1, userId,
                        java.sql.Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before), limit)
                .query(ListeningMe::recent).list();
    }

    /** The user's oldest kept recent play (none while they have fewer): one short walk of the index. */
    private static final String NEWEST_KEPT = """
            with edge as materialized (
                select started_at, play_id from me_recent_play where user_id = ?
                order by started_at desc, play_id desc offset ? limit 1)
            """;
    private static final String WITHIN_KEPT =
            "(edge.started_at is null or (r.started_at, r.play_id) >= (edge.started_at, edge.play_id))\n";

    private static RecentPlay recent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RecentPlay(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getString(5));
    }

    /**
     * The user's most played albums, playlists and artists of the last 14 UTC days (today included), of the
     * types asked ({@code album}, {@code playlist}, {@code artist}). Score: the sum over the days of counted
     * streams * 0.5^(age in days / 7), today's age 0, to 9 decimals (a float sum's last bits follow the rows'
     * physical order); ties by last day played, then type and id.
     */
    public List<Rotation> heavyRotation(String userId, Collection<String> types, int limit) {
        LocalDate today = ListeningWindows.day(clock.instant());
        return jdbc.sql("""
                        select item_type, item_id,
                               round(sum(streams * power(0.5::float8, (?::date - day) / ?::float8))::numeric, 9)::float8
                                   score,
                               sum(streams) streams, max(day) last_day
                        from me_daily_stream
                        where user_id = ? and item_type = any(?::text[]) and day between ?::date and ?::date
                        group by item_type, item_id
                        order by score desc, last_day desc, item_type, item_id
                        limit ?""")
                .params(today, ListeningWindows.HALF_LIFE_DAYS, userId, types.toArray(String[]::new),
                        ListeningWindows.firstHeavyRotationDay(today), today, limit)
                .query((rs, row) -> new Rotation(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getLong(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
    }

    /**
     * The user's most streamed tracks or artists in the range, most counted streams first, ties by last played
     * then id, with how many the range holds.
     */
    public TopPage top(String userId, TopType type, Range range, int limit, int offset) {
        LocalDate today = ListeningWindows.day(clock.instant());
        List<Object> params = new java.util.ArrayList<>(List.of(userId, type.itemType));
        String from = switch (range) {
            case SHORT_TERM -> {
                params.add(ListeningWindows.firstShortTermDay(today));
                params.add(today);
                yield "me_daily_stream where user_id = ? and item_type = ? and day between ?::date and ?::date";
            }
            case MEDIUM_TERM -> {
                params.add(ListeningWindows.firstMediumTermWeek(today));
                params.add(ListeningWindows.week(today));
                yield "me_weekly_stream where user_id = ? and item_type = ? and week between ?::date and ?::date";
            }
            case LONG_TERM -> "me_total_stream where user_id = ? and item_type = ?";
        };
        List<Object> page = new java.util.ArrayList<>(params);
        page.add(limit);
        page.add(offset);
        long[] total = {0};
        List<TopItem> items = jdbc.sql("""
                        select item_id, sum(streams) streams, max(last_played_at) last_played_at, count(*) over () total
                        from %s
                        group by item_id
                        order by streams desc, last_played_at desc, item_id
                        limit ? offset ?""".formatted(from))
                .params(page)
                .query((rs, row) -> {
                    total[0] = rs.getLong(4);
                    return new TopItem(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant());
                }).list();
        if (items.isEmpty() && offset > 0) {
            // a page past the end has no row to carry the count
            total[0] = jdbc.sql("select count(distinct item_id) from " + from).params(params)
                    .query(Long.class).single();
        }
        return new TopPage(total[0], items);
    }
}
