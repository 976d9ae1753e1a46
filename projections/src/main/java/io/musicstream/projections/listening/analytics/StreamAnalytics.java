package io.musicstream.projections.listening.analytics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams summed over a range of UTC days, grouped by track, artist, release, territory or day, with the
 * catalog's name of each track, artist or release where it has one. Each read is one statement over the
 * tables' day-led keys.
 */
@Repository
public class StreamAnalytics {

    /** Rows a streamed read takes from the database at a time. */
    static final int FETCH_SIZE = 1_000;

    public enum GroupBy {
        TRACK, ARTIST, RELEASE, TERRITORY, DAY
    }

    /**
     * What to sum.
     *
     * @param territory a territory to sum only the plays counted there, or {@code null} for all of them
     */
    public record Query(GroupBy groupBy, LocalDate from, LocalDate to, String territory) {
    }

    /**
     * One group: its key (track, artist or release id, territory, or day as YYYY-MM-DD; {@code null} for
     * plays recorded before they carried their release), the catalog's name of it, and its sums.
     */
    public record Row(String key, String name, long streams, long plays, long msPlayed) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    public StreamAnalytics(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The groups ordered by streams (most first), then key; {@code limit} of them from {@code offset}. */
    public List<Row> page(Query query, int limit, int offset) {
        List<Object> params = params(query);
        params.add(limit);
        params.add(offset);
        return jdbc.query(sql(query, "limit ? offset ?"), StreamAnalytics::row, params.toArray());
    }

    /**
     * Hands every group, in the order of {@link #page}, to {@code each} as the database sends them: a cursor in a
     * read-only transaction of its own fetches {@value #FETCH_SIZE} rows at a time, so no answer is held whole.
     */
    public void each(Query query, Consumer<Row> each) {
        String sql = sql(query, "");
        Object[] params = params(query).toArray();
        readOnly.executeWithoutResult(status -> cursor.query(sql, rs -> {
            each.accept(row(rs, 0));
        }, params));
    }

    private static List<Object> params(Query query) {
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(query.from()));
        params.add(Date.valueOf(query.to()));
        if (query.territory() != null) {
            params.add(query.territory());
        }
        return params;
    }

    private static String sql(Query query, String page) {
        String table = query.groupBy() == GroupBy.ARTIST ? "analytics_artist_day" : "analytics_track_day";
        String key = switch (query.groupBy()) {
            case TRACK -> "track_id";
            case ARTIST -> "artist_id";
            case RELEASE -> "release_id";
            case TERRITORY -> "territory";
            case DAY -> "to_char(day, 'YYYY-MM-DD')";
        };
        String names = switch (query.groupBy()) {
            case TRACK -> "left join browse_track n on n.track_id = g.key";
            case ARTIST -> "left join browse_artist n on n.artist_id = g.key";
            case RELEASE -> "left join browse_release n on n.release_id = g.key";
            case TERRITORY, DAY -> "";
        };
        String name = switch (query.groupBy()) {
            case TRACK, RELEASE -> "n.title";
            case ARTIST -> "n.name";
            case TERRITORY, DAY -> "null::text";
        };
        return "with g as (select " + key + " as key, sum(streams)::bigint as streams, sum(plays)::bigint as plays,"
                + " sum(ms_played)::bigint as ms_played from " + table + " where day between ? and ?"
                + (query.territory() != null ? " and territory = ?" : "")
                + " group by 1" + (page.isEmpty() ? "" : " order by streams desc, key nulls last " + page) + ")"
                + " select g.key, " + name + " as name, g.streams, g.plays, g.ms_played from g " + names
                + " order by g.streams desc, g.key nulls last";
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }
}
