package io.musicstream.projections.listening.charts;

import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.TestServers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The charts read model on a fresh database: plays handed to {@link ChartStreamsProjection} in batches as its
 * processor hands them, a {@link ChartBuilder} whose clock and processor progress the test sets, and the reader.
 */
final class ChartsFixture {

    static final long TRENDING_MIN = 5;

    final DataSource db;
    final JdbcTemplate jdbc;
    final JdbcClient client;
    final ChartStreamsProjection projection;
    final ProjectionDriver driver;
    final Charts charts;
    final SettableClock clock = new SettableClock();
    /** What the processor has counted through; follows the clock unless set. */
    Instant handledThrough;
    final ChartBuilder builder;

    ChartsFixture() {
        this(false);
    }

    /** {@code pooled}: connections kept open, as the service's pool keeps them (for timing). */
    ChartsFixture(boolean pooled) {
        DataSource fresh = TestServers.freshDatabase();
        if (pooled) {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setDataSource(fresh);
            config.setMaximumPoolSize(2);
            fresh = new com.zaxxer.hikari.HikariDataSource(config);
        }
        db = fresh;
        jdbc = new JdbcTemplate(db);
        client = JdbcClient.create(jdbc);
        projection = new ChartStreamsProjection(jdbc);
        driver = ProjectionDriver.inTransactions(projection, new DataSourceTransactionManager(db));
        charts = new Charts(client);
        builder = new ChartBuilder(client, new DataSourceTransactionManager(db), clock,
                () -> Optional.of(handledThrough == null ? clock.instant() : handledThrough), Duration.ofHours(1),
                TRENDING_MIN);
    }

    /** A counted play of {@code trackId} that started at {@code at}, counted in {@code territory}. */
    static TrackPlayed play(String trackId, String territory, Instant at) {
        return new TrackPlayed(UUID.randomUUID().toString(), "listener", trackId, at, 180_000, "phone", territory,
                territory, "r-1", List.of("a-1"), null, null, false, true, 1);
    }

    /** A play too short to count. */
    static TrackPlayed uncounted(String trackId, String territory, Instant at) {
        return new TrackPlayed(UUID.randomUUID().toString(), "listener", trackId, at, 10_000, "phone", territory,
                territory, "r-1", List.of("a-1"), null, null, false, false, 1);
    }

    /** {@code n} counted plays of {@code trackId} in {@code territory} at noon UTC of {@code day}. */
    static TrackPlayed[] plays(int n, String trackId, String territory, LocalDate day) {
        TrackPlayed[] plays = new TrackPlayed[n];
        for (int i = 0; i < n; i++) {
            plays[i] = play(trackId, territory, noon(day).plusSeconds(i));
        }
        return plays;
    }

    static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    void deliver(Object... events) {
        driver.deliver(events);
    }

    /** The clock at {@code at}, the processor caught up, and every due period built. */
    List<ChartBuilder.Built> buildAt(Instant at) {
        clock.now = at;
        handledThrough = null;
        return builder.buildDue();
    }

    /** Rows of {@code chart_stream} as "day track territory streams", in key order. */
    List<String> streams() {
        return client.sql("select day, track_id, territory, streams from chart_stream order by day, track_id, territory")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4))
                .list();
    }

    /** A chart as "position track streams previous peak periods status" lines. */
    List<String> chart(ChartKind kind, String territory, LocalDate day) {
        return charts.chart(kind, territory, day, 200, 0).orElseThrow().entries().stream()
                .map(e -> e.position() + " " + e.trackId() + " " + e.streams() + " " + e.previousPosition() + " "
                        + e.peakPosition() + " " + e.periodsOnChart() + " " + e.status())
                .toList();
    }

    /** Every chart row, for comparing whole builds. */
    List<String> allRows() {
        List<String> rows = new java.util.ArrayList<>(client.sql("""
                        select kind, period_start, territory, position, track_id, streams, previous_position,
                               peak_position, periods_on_chart, status from chart_entry
                        order by kind, period_start, territory, position""")
                .query((rs, i) -> String.join(" ", java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(c -> {
                    try {
                        return rs.getString(c);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList())).list());
        rows.addAll(client.sql("""
                        select day, territory, position, track_id, streams, prior_mean, velocity from chart_trending
                        order by day, territory, position""")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " "
                        + rs.getString(4) + " " + rs.getLong(5) + " " + rs.getDouble(6) + " " + rs.getDouble(7))
                .list());
        rows.addAll(client.sql("select kind, period_start from chart_period order by kind, period_start")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list());
        return rows;
    }

    static final class SettableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
