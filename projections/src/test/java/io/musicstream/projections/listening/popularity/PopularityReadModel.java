package io.musicstream.projections.listening.popularity;

import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.Rows;
import io.musicstream.projections.TestServers;
import io.musicstream.projections.catalog.search.SearchPopularity;
import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The popularity read model on a database: its projection, its job (on a clock the test sets, sending index
 * updates to {@link #sent} unless told otherwise) and its rows. Public for the browse and search tests.
 */
public final class PopularityReadModel {

    public final JdbcClient jdbc;
    public final ProjectionDriver projection;
    public final List<Map<String, Integer>> sent = new ArrayList<>();
    private final DataSource db;
    private final DataSourceTransactionManager transactions;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private Consumer<Map<String, Integer>> index = sent::add;

    public PopularityReadModel() {
        this(TestServers.freshDatabase());
    }

    public PopularityReadModel(DataSource db) {
        this.db = db;
        this.transactions = new DataSourceTransactionManager(db);
        this.jdbc = JdbcClient.create(db);
        this.projection = ProjectionDriver.inTransactions(new PopularityProjection(new JdbcTemplate(db)), transactions);
    }

    /** The job's "now". */
    public PopularityReadModel at(Instant now) {
        clock.now = now;
        return this;
    }

    public Instant now() {
        return clock.now;
    }

    /** Where the job sends its index updates (to {@link #sent} by default). */
    public PopularityReadModel indexTo(Consumer<Map<String, Integer>> index) {
        this.index = index;
        return this;
    }

    /** The events as one batch. */
    public void deliver(Object... events) {
        projection.deliver(events);
    }

    public PopularityJob.Run runJob() {
        return new PopularityJob(db, transactions, clock, updates -> index.accept(updates)).run();
    }

    public SearchPopularity searchPopularity() {
        return new PopularityTable(jdbc);
    }

    /** An item's streams ever and the job's results for it (those not computed yet at their defaults), or an empty map. */
    public Map<String, Object> item(String kind, String id) {
        List<Map<String, Object>> rows = rows(ITEMS + " where t.kind = '" + kind + "' and t.item_id = '" + id + "'");
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** The projection's totals with the job's row of each item. */
    static final String ITEMS = """
            select t.kind, t.item_id, t.streams_total, t.computed_total, p.computed_on, p.computed_at,
                   coalesce(p.score, 0) score, coalesce(p.streams_28d, 0) streams_28d,
                   coalesce(p.popularity, 0::smallint) popularity, coalesce(p.monthly_listeners, 0) monthly_listeners,
                   coalesce(p.indexed_popularity, 0::smallint) indexed_popularity
            from popularity_total t left join popularity p on p.kind = t.kind and p.item_id = t.item_id""";

    public int popularity(String kind, String id) {
        Object value = item(kind, id).get("popularity");
        return value == null ? 0 : ((Number) value).intValue();
    }

    /** Every row of the tables in key order. */
    public Map<String, List<Map<String, Object>>> tables() {
        return Map.of(
                "popularity_streams", rows("select * from popularity_streams order by kind, item_id, day"),
                "popularity_listener", rows("select * from popularity_listener order by artist_id, user_id"),
                "popularity", rows(ITEMS + " order by t.kind, t.item_id"));
    }

    List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query(Rows::row).list();
    }

    private static final class SettableClock extends Clock {
        volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
