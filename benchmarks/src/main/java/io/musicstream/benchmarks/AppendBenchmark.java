package io.musicstream.benchmarks;

import io.musicstream.command.catalog.IngestRelease;
import io.musicstream.command.catalog.RegisterArtist;
import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.RightsShareRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.command.playback.PlayRecorder;
import io.musicstream.command.playback.RecordPlay;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Event append throughput one play per transaction, as {@code POST /me/plays} records them (the play recorder
 * with a batch of one: its lookups, its counting lock, one appended event), against a raw batched JDBC insert
 * of the same serialized rows into the same table. The batched path is measured by the plays benchmark.
 */
final class AppendBenchmark {

    private final CommandGateway commands;
    private final PlayRecorder recorder;
    private final JdbcTemplate jdbc;
    private final RawEventRows raw;
    private String trackId;

    AppendBenchmark(ApplicationContext context) {
        this.commands = context.getBean(CommandGateway.class);
        this.recorder = context.getBean(PlayRecorder.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.raw = new RawEventRows(context);
    }

    List<String> run(int rounds, int count, int concurrency) {
        trackId = benchTrack();
        // warm-up: JIT, connection pool, statement caches
        for (int i = 0; i < 3; i++) {
            onePlayPerTransaction(count, concurrency);
            raw.insertTrackPlayed(count);
        }
        List<Double> bus = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double b = onePlayPerTransaction(count, concurrency);
            double r = raw.insertTrackPlayed(count);
            bus.add(b);
            rawRates.add(r);
            ratios.add(b / r);
            System.out.printf(Locale.ROOT, "round %d: one play per transaction %s events/s, raw JDBC %s rows/s%n", round,
                    Benchmarks.fmt(b), Benchmarks.fmt(r));
        }
        return List.of(
                "event append, " + count + " plays per round, " + concurrency + " client threads:",
                "  one play per transaction: " + Benchmarks.fmt(Benchmarks.median(bus)) + " events/s",
                "  raw batched JDBC:  " + Benchmarks.fmt(Benchmarks.median(rawRates)) + " rows/s (batches of "
                        + RawEventRows.BATCH + ", same serialized rows, same table)",
                String.format(Locale.ROOT, "  ratio single/raw:  %.3f (median of per-round ratios)",
                        Benchmarks.median(ratios)));
    }

    /** Plays must name a track the catalog knows: one release of one track, once the browse model has it. */
    private String benchTrack() {
        Instant now = Instant.now();
        try {
            commands.sendAndWait(new RegisterArtist("bench-artist", "Bench Artist", now));
        } catch (AggregateStreamCreationException alreadyThere) {
            // an earlier run registered it
        }
        IngestRelease release = new IngestReleaseRequest("000000000017", "Bench",
                ReleaseType.SINGLE, List.of("bench-artist"), null, null, List.of(), null,
                List.of(new TrackRequest("XXBEN2600001", "Bench Track", 200_000, 1, 1, false, null, null,
                        List.of("WW"), List.of(new RightsShareRequest("bench-label", "Bench Label",
                                RightsRole.RECORDING_OWNER, 10_000))))).toCommand(now);
        commands.sendAndWait(release);
        String id = release.tracks().get(0).trackId();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (jdbc.queryForObject("select count(*) from browse_track where track_id = ?", Long.class, id) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench track did not reach the browse read model");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return id;
    }

    /** {@code concurrency} client threads, each recording one play at a time, as HTTP workers would. */
    private double onePlayPerTransaction(int count, int concurrency) {
        Instant started = Instant.parse("2026-11-21T12:00:00Z");
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        recorder.record(List.of(new RecordPlay(UUID.randomUUID().toString(), "bench-user-" + (i % 1000),
                                trackId, started, 180_000, "bench", "SE", null, null, null, false, started)));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return count / ((System.nanoTime() - t0) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a command failed", e.getCause());
        } finally {
            clients.shutdown();
        }
    }
}
