package io.musicstream.projections.listening.charts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the charts of complete periods into {@code chart_period}, {@code chart_entry} and
 * {@code chart_trending}, each kind in period order. A period is complete once its end plus the grace window
 * has passed, by the clock and by the counting processor ({@link HandledThrough}). Each period is built once,
 * in one transaction that rewrites its rows, so building it again gives the same rows.
 */
@Component
public class ChartBuilder {

    /** Entries per chart. */
    public static final int CHART_SIZE = 200;
    /** Entries per trending list. */
    public static final int TRENDING_SIZE = 50;
    /** Days whose mean a day's streams are compared with for trending. */
    static final int TRENDING_DAYS = 7;
    /** One builder at a time across nodes. */
    private static final long LOCK = 0x6368_6172_7473L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HandledThrough handled;
    private final Duration grace;
    private final long trendingMinStreams;

    @Autowired
    public ChartBuilder(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, HandledThrough handled,
                        @Value("${music.charts.grace:PT1H}") Duration grace,
                        @Value("${music.charts.trending-min-streams:20}") long trendingMinStreams) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.handled = handled;
        this.grace = grace;
        this.trendingMinStreams = trendingMinStreams;
    }

    /** A built period. */
    public record Built(ChartKind kind, LocalDate start) {
    }

    /** When the charts of the period holding {@code day} are built at the earliest. */
    public Instant dueAt(ChartKind kind, LocalDate day) {
        return kind.end(kind.start(day)).atStartOfDay().toInstant(ZoneOffset.UTC).plus(grace);
    }

    /** Builds every complete period not built yet, oldest first; what it built. */
    public List<Built> buildDue() {
        List<Built> built = new ArrayList<>();
        Optional<Instant> through = handled.instant();
        if (through.isEmpty()) {
            return built;
        }
        Instant complete = through.get().isBefore(clock.instant()) ? through.get() : clock.instant();
        for (ChartKind kind : ChartKind.values()) {
            while (true) {
                Optional<LocalDate> next = nextPeriod(kind);
                if (next.isEmpty() || dueAt(kind, next.get()).isAfter(complete)) {
                    break;
                }
                if (!Boolean.TRUE.equals(transaction.execute(status -> buildLocked(kind, next.get())))) {
                    break;
                }
                built.add(new Built(kind, next.get()));
            }
        }
        return built;
    }

    /** Builds (again) the period starting on {@code start}, whatever was built before. */
    public void build(ChartKind kind, LocalDate start) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().listOfRows();
            write(kind, start);
        });
    }

    private boolean buildLocked(ChartKind kind, LocalDate start) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
        if (!locked || !nextPeriod(kind).equals(Optional.of(start))) {
            return false;
        }
        write(kind, start);
        return true;
    }

    /** After the latest built period; the one holding the earliest counted day when none is built. */
    private Optional<LocalDate> nextPeriod(ChartKind kind) {
        Optional<LocalDate> latest = jdbc.sql("select max(period_start) from chart_period where kind = ?")
                .param(kind.wireName()).query(LocalDate.class).optional();
        if (latest.isPresent()) {
            return Optional.of(kind.end(latest.get()));
        }
        return jdbc.sql("select min(day) from chart_stream").query(LocalDate.class).optional().map(kind::start);
    }

    private void write(ChartKind kind, LocalDate start) {
        String k = kind.wireName();
        jdbc.sql("delete from chart_entry where kind = ? and period_start = ?").params(k, start).update();
        jdbc.sql("""
                        with counts as (
                            select territory, track_id, sum(streams) as streams from chart_stream
                            where day between :first and :last and territory <> 'XX' group by territory, track_id
                            union all
                            select 'WW', track_id, sum(streams) from chart_stream
                            where day between :first and :last group by track_id
                        ), ranked as (
                            select territory, track_id, streams,
                                   row_number() over (partition by territory order by streams desc, track_id) as position
                            from counts
                        )
                        insert into chart_entry (kind, period_start, territory, position, track_id, streams,
                            previous_position, peak_position, periods_on_chart, status)
                        select :kind, :first, r.territory, r.position, r.track_id, r.streams, prev.position,
                               least(r.position, coalesce(earlier.peak_position, r.position)),
                               coalesce(earlier.periods_on_chart, 0) + 1,
                               case when earlier.periods_on_chart is null then 'NEW'
                                    when prev.position is null then 'RE_ENTRY'
                                    when prev.position > r.position then 'UP'
                                    when prev.position < r.position then 'DOWN'
                                    else 'SAME' end
                        from ranked r
                        left join lateral (
                            select p.position from chart_entry p
                            where p.kind = :kind and p.territory = r.territory and p.track_id = r.track_id
                              and p.period_start = :previous
                        ) prev on true
                        left join lateral (
                            select e.peak_position, e.periods_on_chart from chart_entry e
                            where e.kind = :kind and e.territory = r.territory and e.track_id = r.track_id
                              and e.period_start < :first
                            order by e.period_start desc limit 1
                        ) earlier on true
                        where r.position <= :size""")
                .param("kind", k).param("first", start).param("last", kind.lastDay(start))
                .param("previous", kind.previous(start)).param("size", CHART_SIZE)
                .update();
        if (kind == ChartKind.DAILY) {
            writeTrending(start);
        }
        jdbc.sql("""
                        insert into chart_period (kind, period_start, built_at) values (?, ?, ?)
                        on conflict (kind, period_start) do update set built_at = excluded.built_at""")
                .params(k, start, Timestamp.from(clock.instant())).update();
    }

    private void writeTrending(LocalDate day) {
        jdbc.sql("delete from chart_trending where day = ?").param(day).update();
        jdbc.sql("""
                        with today as (
                            select territory, track_id, streams from chart_stream
                            where day = :day and territory <> 'XX' and streams >= :min
                            union all
                            select 'WW', track_id, sum(streams) from chart_stream
                            where day = :day group by track_id having sum(streams) >= :min
                        ), scored as (
                            select t.territory, t.track_id, t.streams, b.prior / :days as prior_mean,
                                   t.streams - b.prior / :days as velocity
                            from today t
                            cross join lateral (
                                select coalesce(sum(s.streams), 0)::double precision as prior from chart_stream s
                                where s.day >= :from and s.day < :day and s.track_id = t.track_id
                                  and (t.territory = 'WW' or s.territory = t.territory)
                            ) b
                        ), ranked as (
                            select scored.*, row_number() over (partition by territory order by velocity desc, track_id)
                                   as position
                            from scored where velocity > 0
                        )
                        insert into chart_trending (day, territory, position, track_id, streams, prior_mean, velocity)
                        select :day, territory, position, track_id, streams, prior_mean, velocity from ranked
                        where position <= :size""")
                .param("day", day).param("from", day.minusDays(TRENDING_DAYS)).param("min", trendingMinStreams)
                .param("days", (double) TRENDING_DAYS).param("size", TRENDING_SIZE)
                .update();
    }
}
