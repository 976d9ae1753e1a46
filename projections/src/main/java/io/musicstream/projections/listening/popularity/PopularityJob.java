package io.musicstream.projections.listening.popularity;

import io.musicstream.projections.catalog.search.PopularityUpdates;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes popularity (0..100) and artists' monthly listeners from the counted streams of the last
 * {@value #WINDOW_DAYS} UTC days, for the items whose streams changed since it last ran and those whose window
 * moved (computed before today, score above 0), and sends what changed to the search index. One node at a time
 * (a PostgreSQL advisory lock); every step is safe to interrupt and is picked up by the next run. Its updates
 * lock rows in key order, the order the projection adds to them in, so the two never deadlock.
 */
@Component
public class PopularityJob {

    public static final int WINDOW_DAYS = 28;
    /** Days for a stream's weight to halve. */
    static final double HALF_LIFE_DAYS = 7;
    private static final long LOCK = 0x706f70756c6172L;
    private static final int CHUNK = 2_000;
    private static final int INDEX_BULK = 5_000;
    /** How far (relative, on the log scale) the top may move before every item of the kind is set again. */
    static final double RESCALE_AT = 0.005;
    private static final String SCALED = """
            (case when score <= 0 or cast(:max as float8) <= 0 then 0
                  else greatest(1, least(100, round(100 * ln(1 + score) / ln(1 + cast(:max as float8))))) end)""";

    /** What one run did. */
    public record Run(boolean ran, int computed, int sentToIndex) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Consumer<Map<String, Integer>> index;
    private int maxItemsPerRun = 200_000;

    @Autowired
    PopularityJob(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                  PopularityUpdates index) {
        this(dataSource, transactions, clock, (Consumer<Map<String, Integer>>) index::send);
    }

    PopularityJob(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
                  Consumer<Map<String, Integer>> index) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.index = index;
    }

    /** At most this many items of each kind are computed per run; the rest wait for the next. */
    public void setMaxItemsPerRun(int maxItemsPerRun) {
        this.maxItemsPerRun = maxItemsPerRun;
    }

    /** Runs once, unless another node is running it. */
    public Run run() {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!tryLock(lock)) {
                return new Run(false, 0, 0);
            }
            try {
                Instant now = clock.instant();
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                int computed = 0;
                for (Kind kind : Kind.values()) {
                    List<String> items = compute(kind, today, now);
                    rescale(kind, items);
                    computed += items.size();
                }
                return new Run(true, computed, sendToIndex());
            } finally {
                try (Statement s = lock.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("popularity job cannot reach the database", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Items whose streams ever moved since they were computed, with those streams, locked in key order. */
    private static final String CHANGED = """
            select item_id, streams_total from popularity_total
            where kind = :kind and item_id > :after and streams_total <> computed_total
            order by item_id limit :limit for update""";
    /**
     * Items computed before today with a score above 0, whose window moved; their streams ever are locked as the
     * changed ones are, since those are the rows the projection writes.
     */
    private static final String DECAYING = """
            select p.item_id, t.streams_total from popularity p
            join popularity_total t on t.kind = p.kind and t.item_id = p.item_id
            where p.kind = :kind and p.item_id > :after and p.score > 0 and p.computed_on < :today
            order by p.item_id limit :limit for update of t""";

    /** Scores, windowed streams and listeners of the items to compute, chunk by chunk; answers their ids. */
    private List<String> compute(Kind kind, LocalDate today, Instant now) {
        List<String> done = new ArrayList<>();
        for (String due : List.of(CHANGED, DECAYING)) {
            // in item order from where the last chunk ended: under steady plays each item is computed once a run
            String after = "";
            while (done.size() < maxItemsPerRun) {
                String from = after;
                List<String> chunk = transaction.execute(status -> computeChunk(kind, due, from, today, now,
                        Math.min(CHUNK, maxItemsPerRun - done.size())));
                if (chunk.isEmpty()) {
                    break;
                }
                done.addAll(chunk);
                after = chunk.get(chunk.size() - 1);
            }
        }
        return done;
    }

    private List<String> computeChunk(Kind kind, String due, String after, LocalDate today, Instant now, int limit) {
        Map<String, Long> totals = new LinkedHashMap<>();
        jdbc.sql(due)
                .param("kind", kind.column).param("after", after).param("today", Date.valueOf(today))
                .param("limit", limit)
                .query(rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                });
        if (totals.isEmpty()) {
            return List.of();
        }
        String[] ids = totals.keySet().toArray(String[]::new);
        Date from = Date.valueOf(today.minusDays(WINDOW_DAYS - 1));
        Map<String, double[]> windowed = new HashMap<>();
        jdbc.sql("""
                        select item_id, sum(streams * power(0.5, greatest(cast(:today as date) - day, 0) / :halfLife)),
                               sum(streams)
                        from popularity_streams
                        where kind = :kind and item_id = any(cast(:ids as text[])) and day >= :from
                        group by item_id""")
                .param("today", Date.valueOf(today)).param("halfLife", HALF_LIFE_DAYS).param("kind", kind.column)
                .param("ids", ids).param("from", from)
                .query(rs -> {
                    windowed.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getLong(3)});
                });
        Map<String, Long> listeners = new HashMap<>();
        if (kind == Kind.ARTIST) {
            jdbc.sql("""
                            select artist_id, count(*) from popularity_listener
                            where artist_id = any(cast(:ids as text[])) and last_day >= :from
                            group by artist_id""")
                    .param("ids", ids).param("from", from)
                    .query(rs -> {
                        listeners.put(rs.getString(1), rs.getLong(2));
                    });
        }
        double[] scores = new double[ids.length];
        long[] streams = new long[ids.length];
        long[] listenerCounts = new long[ids.length];
        long[] seenTotals = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            double[] w = windowed.getOrDefault(ids[i], new double[] {0, 0});
            scores[i] = w[0];
            streams[i] = (long) w[1];
            listenerCounts[i] = listeners.getOrDefault(ids[i], 0L);
            seenTotals[i] = totals.get(ids[i]);
        }
        jdbc.sql("""
                        update popularity_total t set computed_total = u.total
                        from unnest(cast(:ids as text[]), cast(:totals as bigint[])) u(item_id, total)
                        where t.kind = :kind and t.item_id = u.item_id""")
                .param("ids", ids).param("totals", seenTotals).param("kind", kind.column).update();
        jdbc.sql("""
                        insert into popularity as p (kind, item_id, score, streams_28d, monthly_listeners, computed_on,
                                                     computed_at)
                        select :kind, u.item_id, u.score, u.streams, u.listeners, :today, :now
                        from unnest(cast(:ids as text[]), cast(:scores as float8[]), cast(:streams as bigint[]),
                                    cast(:listeners as bigint[])) u(item_id, score, streams, listeners)
                        on conflict (kind, item_id) do update set score = excluded.score,
                            streams_28d = excluded.streams_28d, monthly_listeners = excluded.monthly_listeners,
                            computed_on = excluded.computed_on, computed_at = excluded.computed_at""")
                .param("today", Date.valueOf(today)).param("now", Timestamp.from(now))
                .param("ids", ids).param("scores", scores).param("streams", streams)
                .param("listeners", listenerCounts).param("kind", kind.column)
                .update();
        // what fell out of the window is never read again
        jdbc.sql("delete from popularity_streams where kind = ? and item_id = any(cast(? as text[])) and day < ?")
                .params(kind.column, ids, from).update();
        if (kind == Kind.ARTIST) {
            jdbc.sql("delete from popularity_listener where artist_id = any(cast(? as text[])) and last_day < ?")
                    .params(ids, from).update();
        }
        return List.of(ids);
    }

    /**
     * Popularity on a log scale against the highest score of the kind: {@code 100 * ln(1 + score) /
     * ln(1 + max)}, at least 1 for any score above 0. When the top of the scale moved by more than
     * {@link #RESCALE_AT} since every item of the kind was last set, every item is set again (only those whose
     * value changes are written), so that one item rising does not leave the others high.
     */
    private void rescale(Kind kind, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        double max = jdbc.sql("select coalesce(max(score), 0) from popularity where kind = ?")
                .param(kind.column).query(Double.class).single();
        double last = jdbc.sql("select max_score from popularity_scale where kind = ?")
                .param(kind.column).query(Double.class).optional().orElse(-1.0);
        if (last < 0 || Math.abs(Math.log1p(max) - Math.log1p(last)) > RESCALE_AT * Math.log1p(Math.max(last, max))) {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("update popularity p set popularity = " + SCALED + " from ("
                                + " select item_id from popularity where kind = :kind and score > 0 and popularity <> "
                                + SCALED + " order by item_id for update) l"
                                + " where p.kind = :kind and p.item_id = l.item_id")
                        .param("max", max).param("kind", kind.column).update();
                jdbc.sql("""
                                insert into popularity_scale (kind, max_score) values (?, ?)
                                on conflict (kind) do update set max_score = excluded.max_score""")
                        .params(kind.column, max).update();
            });
        }
        for (int start = 0; start < items.size(); start += CHUNK) {
            String[] ids = items.subList(start, Math.min(items.size(), start + CHUNK)).toArray(String[]::new);
            transaction.executeWithoutResult(status -> jdbc.sql("update popularity p set popularity = "
                            + SCALED + " from (select item_id from popularity"
                            + " where kind = :kind and item_id = any(cast(:ids as text[])) order by item_id for update) l"
                            + " where p.kind = :kind and p.item_id = l.item_id")
                    .param("max", max).param("kind", kind.column).param("ids", ids).update());
        }
    }

    /** Sends the popularity the index does not have yet, a bulk at a time, and records what was sent. */
    private int sendToIndex() {
        int sent = 0;
        while (true) {
            List<Object[]> rows = jdbc.sql("""
                            select kind, item_id, popularity from popularity where popularity <> indexed_popularity
                            limit ?""")
                    .param(INDEX_BULK)
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}).list();
            if (rows.isEmpty()) {
                return sent;
            }
            Map<String, Integer> updates = new LinkedHashMap<>();
            String[] kinds = new String[rows.size()];
            String[] ids = new String[rows.size()];
            int[] values = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                kinds[i] = (String) rows.get(i)[0];
                ids[i] = (String) rows.get(i)[1];
                values[i] = (Integer) rows.get(i)[2];
                updates.put(PopularityUpdates.documentId(kinds[i], ids[i]), values[i]);
            }
            index.accept(updates);
            jdbc.sql("""
                            update popularity p set indexed_popularity = l.popularity
                            from (select q.kind, q.item_id, u.popularity
                                  from unnest(cast(? as text[]), cast(? as text[]), cast(? as int[])) u(kind, item_id, popularity)
                                  join popularity q on q.kind = u.kind and q.item_id = u.item_id
                                  order by q.kind, q.item_id for update of q) l
                            where p.kind = l.kind and p.item_id = l.item_id""")
                    .params(kinds, ids, values).update();
            sent += rows.size();
            if (rows.size() < INDEX_BULK) {
                return sent;
            }
        }
    }
}
