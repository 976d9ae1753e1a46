package io.musicstream.infra.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.command.common.ConflictException;
import io.musicstream.events.serialization.EventJson;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Replay jobs: stored in {@code audit_replay_job}, run on a bounded executor, at most one queued or running per
 * period (a unique index, so across nodes too). Progress is written as the job reads, the report when it ends.
 */
@Component
public class ReplayJobs {

    private static final Logger log = LoggerFactory.getLogger(ReplayJobs.class);
    /** A queued or running job not updated for this long was left by a node that stopped. */
    private static final Duration STALE = Duration.ofMinutes(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    /** A job as stored. */
    public record Job(UUID id, String period, String partyId, Integer rulesVersion, boolean whatIf, String state,
                      String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt, long position,
                      Long head, long eventsRead, ReplayReport result, String error) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final ObjectMapper json = EventJson.objectMapper();

    ReplayJobs(DataSource dataSource, JdbcTemplate jdbc, Clock clock,
               @Value("${music.audit.replay-threads:1}") int threads,
               @Value("${music.audit.replay-queue:16}") int queue) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), r -> {
            Thread thread = new Thread(r, "royalty-replay");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Jobs a stopped node left queued or running will never end: they are marked failed. */
    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        int failed = jdbc.update("""
                        update audit_replay_job set state = 'FAILED', finished_at = ?, updated_at = ?,
                            error = 'abandoned: the node running it stopped'
                        where state in ('QUEUED', 'RUNNING') and updated_at < ?""",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant().minus(STALE)));
        if (failed > 0) {
            log.warn("{} royalty replay job(s) abandoned by a stopped node marked failed", failed);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Queues a replay.
     *
     * @throws ConflictException when a replay of the period is queued or running, or the queue is full
     */
    public Job start(RoyaltyReplay.Request request, boolean whatIf, String requestedBy) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            jdbc.update("""
                            insert into audit_replay_job (id, period, party_id, rules_version, what_if, state,
                                requested_by, requested_at, updated_at)
                            values (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)""", id, request.period().toString(),
                    request.partyId(), request.rulesVersion(), whatIf, requestedBy, Timestamp.from(now),
                    Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            String running = jdbc.queryForList("""
                    select id::text from audit_replay_job where period = ? and state in ('QUEUED', 'RUNNING')""",
                    String.class, request.period().toString()).stream().findFirst().orElse("?");
            throw new ConflictException("a replay of period " + request.period() + " is already queued or running: "
                    + "/api/v1/audit/royalty-replays/" + running);
        }
        try {
            executor.execute(() -> run(id, request));
        } catch (RejectedExecutionException e) {
            finish(id, "FAILED", null, "refused: too many replays queued");
            throw new ConflictException("too many replays are queued; try again when one has finished");
        }
        return find(id).orElseThrow();
    }

    public Optional<Job> find(UUID id) {
        return jdbc.query("""
                select id, period, party_id, rules_version, what_if, state, requested_by, requested_at, started_at,
                       finished_at, position, head_index, events_read, result, error
                from audit_replay_job where id = ?""", (rs, n) -> new Job(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), rs.getBoolean(5), rs.getString(6),
                rs.getString(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), rs.getLong(11), (Long) rs.getObject(12), rs.getLong(13),
                report(rs.getString(14)), rs.getString(15)), id).stream().findFirst();
    }

    private void run(UUID id, RoyaltyReplay.Request request) {
        Instant started = clock.instant();
        jdbc.update("update audit_replay_job set state = 'RUNNING', started_at = ?, updated_at = ? where id = ?",
                Timestamp.from(started), Timestamp.from(started), id);
        try {
            Instant[] written = {Instant.MIN};
            ReplayReport report = RoyaltyReplay.run(dataSource::getConnection, request, id, (position, head, read) -> {
                Instant now = clock.instant();
                if (position == head || !now.isBefore(written[0].plus(PROGRESS_EVERY))) {
                    written[0] = now;
                    jdbc.update("""
                                    update audit_replay_job set position = ?, head_index = ?, events_read = ?,
                                        updated_at = ? where id = ?""", position, head, read, Timestamp.from(now),
                            id);
                }
            });
            finish(id, "DONE", json.writeValueAsString(report), null);
        } catch (Exception e) {
            log.warn("royalty replay {} of {} failed", id, request.period(), e);
            finish(id, "FAILED", null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void finish(UUID id, String state, String result, String error) {
        Instant now = clock.instant();
        jdbc.update("""
                        update audit_replay_job set state = ?, result = ?, error = ?, finished_at = ?, updated_at = ?
                        where id = ?""", state, result, error, Timestamp.from(now), Timestamp.from(now), id);
    }

    private ReplayReport report(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, ReplayReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored replay report is not readable", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** For the controller: whether {@code period} is a period at all. */
    static YearMonth period(String text) {
        return YearMonth.parse(text);
    }
}
