package io.musicstream.benchmarks;

import io.musicstream.command.catalog.CatalogIds;
import io.musicstream.command.catalog.web.CatalogLine;
import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.infra.kafka.KafkaConfig;
import io.musicstream.tools.catalog.SyntheticCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plays from Kafka into the event store: a synthetic catalog and plays as {@link SyntheticPlays} makes them
 * (Zipf popularity, sessions, skips, second devices, offline listeners, 10% redeliveries), published to
 * {@code play-events}; then the ingest rate until every distinct play is stored, and in the same run the seed
 * design's CRUD path (per play one transaction: insert into a history table, update the track's play count;
 * 8 clients; the same plays) and a raw batched insert of the same serialized rows, as ratios; and a recount:
 * every play stored once, and the streams the service counted equal to the benchmark's own count, per track.
 */
final class PlaysBenchmark {

    private static final String TRACK_PLAYED = "io.musicstream.events.playback.TrackPlayed";
    private static final int CRUD_CLIENTS = 8;

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final int httpPort;
    private final Path dir;

    PlaysBenchmark(ApplicationContext context, int httpPort, Path dir) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.httpPort = httpPort;
        this.dir = dir;
    }

    List<String> run(int trackCount, int plays, int rounds, int seed) throws Exception {
        List<SyntheticPlays.Track> tracks = catalog(trackCount, seed);
        ListeningReads reads = new ListeningReads(httpPort, dir);
        List<ListeningReads.Listener> heavy = reads.register("plays-bench-heavy", 20);
        SyntheticPlays synthetic = new SyntheticPlays(tracks,
                heavy.stream().map(ListeningReads.Listener::userId).toList());
        int baselinePlays = Math.min(plays, 20_000);
        List<SyntheticPlays.Published> baseline = new ArrayList<>(baselinePlays);
        long indexBefore = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry",
                Long.class);

        KafkaTemplate<String, String> kafka = kafkaTemplate();
        long t0 = System.nanoTime();
        Instant start = Instant.now().minus(Duration.ofDays(2));
        synthetic.generate(plays, seed, start, play -> {
            kafka.send(KafkaConfig.PLAY_EVENTS, play.key(), play.body());
            if (baseline.size() < baselinePlays) {
                baseline.add(play);
            }
        });
        kafka.flush();
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "published %,d plays (%,d distinct) in %.1f s%n", synthetic.published(),
                synthetic.distinct(), publishSeconds);

        long t1 = System.nanoTime();
        context.getBean(KafkaListenerEndpointRegistry.class).start();
        long expected = synthetic.distinct();
        StoredPlays progress = new StoredPlays(indexBefore);
        Benchmarks.waitFor(() -> progress.atLeast(expected), 24 * 3_600, 250);
        double ingestSeconds = (System.nanoTime() - t1) / 1e9;
        double ingestRate = synthetic.distinct() / ingestSeconds;
        System.out.printf(Locale.ROOT, "ingested in %.1f s: %s plays/s%n", ingestSeconds, Benchmarks.fmt(ingestRate));
        Thread.sleep(2_000); // anything past the expected count would be a play stored twice
        long stored = storedPlaysAfter(indexBefore);
        long storedTwice = jdbc.queryForObject("""
                select count(*) - count(distinct aggregate_identifier) from domain_event_entry
                where payload_type = ?""", Long.class, TRACK_PLAYED);
        String recount = recount(synthetic.countedByTrack());
        long t2 = System.nanoTime();
        String caughtUp = projectionsCaughtUp();
        System.out.printf(Locale.ROOT, "listening projections level with the store %.1f s after the ingest%n",
                (System.nanoTime() - t2) / 1e9);
        List<Double> crud = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        RawEventRows rawRows = new RawEventRows(context);
        // the baselines run once the projections are level and before the replays, which leave the popularity
        // job and the chart builder recomputing for minutes
        crudPath(tracks, baseline.subList(0, Math.min(baseline.size(), 2_000))); // warm-up
        for (int round = 1; round <= rounds; round++) {
            crud.add(crudPath(tracks, baseline));
            raw.add(rawRows.insertTrackPlayed(baseline.size()));
            System.out.printf(Locale.ROOT, "round %d: CRUD path %s plays/s, raw batched insert %s rows/s%n", round,
                    Benchmarks.fmt(crud.get(round - 1)), Benchmarks.fmt(raw.get(round - 1)));
        }
        List<String> listening = new ArrayList<>();
        listening.add("  " + caughtUp);
        try {
            listening.add("  " + reads.heavyRotationLag(reads.register("plays-bench-probe", 30), kafka,
                    tracks.get(tracks.size() - 1)));
        } catch (Exception e) {
            listening.add("  heavy rotation lag not measured: " + e);
        }
        listening.add("  one client at a time:");
        listening.addAll(reads.readLatencies(heavy.get(0), ListeningReads.utcDay(start.plusSeconds(3_600)),
                tracks.stream().map(SyntheticPlays.Track::territory).filter(t -> !t.equals("WW")).findFirst()
                        .orElse("SE")));
        listening.forEach(System.out::println);
        try {
            listening.add("  " + readBaseline());
            listening.add("  " + writeBaseline());
            List<String> replays = reads.replays();
            replays.forEach(System.out::println);
            listening.addAll(replays);
        } catch (Exception e) {
            listening.add("  replays not measured: " + e);
        }

        double crudRate = Benchmarks.median(crud);
        double rawRate = Benchmarks.median(raw);
        return List.of(
                String.format(Locale.ROOT, "plays from Kafka, %,d tracks, %,d plays published (%,d distinct, the rest"
                        + " redelivered):", trackCount, synthetic.published(), synthetic.distinct()),
                "  ingest into the event store: " + Benchmarks.fmt(ingestRate) + " plays/s ("
                        + String.format(Locale.ROOT, "%.1f s", ingestSeconds) + ")",
                "  CRUD path (" + CRUD_CLIENTS + " clients):      " + Benchmarks.fmt(crudRate) + " plays/s",
                "  raw batched insert:          " + Benchmarks.fmt(rawRate) + " rows/s",
                String.format(Locale.ROOT, "  ratio ingest/CRUD: %.2f (target 4), ingest/raw: %.3f (target 0.4)",
                        ingestRate / crudRate, ingestRate / rawRate),
                "  stored " + stored + " of " + synthetic.distinct() + " distinct plays, stored twice " + storedTwice
                        + (stored == synthetic.distinct() && storedTwice == 0 ? " (OK)" : " (MISMATCH)"),
                "  recount: " + recount,
                String.join(System.lineSeparator(), listening));
    }

    /**
     * What this machine's PostgreSQL writes when nothing else is asked of it: one narrow row per stored play
     * (user, track, day, count), inserted 2,000 a statement into an unlogged table without an index, in the
     * same run. A replay that writes at least one row per play cannot be faster.
     */
    private String writeBaseline() {
        jdbc.execute("create unlogged table if not exists bench_write_ceiling"
                + " (user_id text, track_id text, day date, streams bigint)");
        jdbc.execute("truncate bench_write_ceiling");
        List<String[]> rows = jdbc.query("""
                select aggregate_identifier, payload_type from domain_event_entry where payload_type = ?""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, TRACK_PLAYED);
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support
                .TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(
                        jdbc.getDataSource()));
        long t0 = System.nanoTime();
        for (int i = 0; i < rows.size(); i += 2_000) {
            List<String[]> batch = rows.subList(i, Math.min(rows.size(), i + 2_000));
            tx.executeWithoutResult(status -> jdbc.update("""
                    insert into bench_write_ceiling
                    select u, t, current_date, 1 from unnest(?::text[], ?::text[]) as v(u, t)""", ps -> {
                ps.setArray(1, ps.getConnection().createArrayOf("text", batch.stream().map(r -> r[0]).toArray()));
                ps.setArray(2, ps.getConnection().createArrayOf("text", batch.stream().map(r -> r[1]).toArray()));
            }));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        jdbc.execute("drop table bench_write_ceiling");
        return String.format(Locale.ROOT, "write one narrow row per play, batched into an unlogged table without"
                + " an index (a replay's ceiling when it writes a row per play): %,d rows in %.1f s: %s rows/s",
                rows.size(), seconds, Benchmarks.fmt(rows.size() / seconds));
    }

    /**
     * The ceiling of a replay on this machine: every stored event read in global order over JDBC and its payload
     * deserialized by the application's event serializer, with nothing done with it.
     */
    private String readBaseline() {
        org.axonframework.serialization.Serializer serializer =
                context.getBean("eventSerializer", org.axonframework.serialization.Serializer.class);
        long[] events = {0};
        long t0 = System.nanoTime();
        jdbc.query(con -> {
            con.setAutoCommit(false);
            java.sql.PreparedStatement ps = con.prepareStatement("""
                    select payload_type, payload_revision, payload from domain_event_entry order by global_index""");
            ps.setFetchSize(2_000);
            return ps;
        }, (ResultSet rs) -> {
            Object payload = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                    rs.getBytes(3), byte[].class, rs.getString(1), rs.getString(2)));
            if (payload != null) {
                events[0]++;
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        return String.format(Locale.ROOT, "read and deserialize every stored event (a replay's ceiling): %,d events"
                + " in %.1f s: %s events/s", events[0], seconds, Benchmarks.fmt(events[0] / seconds));
    }

    /** Waits until every listening projection has handled every stored event. */
    private String projectionsCaughtUp() throws Exception {
        long t0 = System.nanoTime();
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        org.axonframework.config.EventProcessingConfiguration processing =
                context.getBean(org.axonframework.config.EventProcessingConfiguration.class);
        Benchmarks.waitFor(() -> ListeningReads.PROCESSORS.stream().allMatch(name -> processing
                .eventProcessor(name, org.axonframework.eventhandling.StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream().allMatch(status -> status.getCurrentPosition()
                        .orElse(-1) >= head)).orElse(true)), 24 * 3_600);
        return String.format(Locale.ROOT, "listening projections level with the store %.1f s after the ingest ended",
                (System.nanoTime() - t0) / 1e9);
    }

    /** The streams the service counted, per track, against the benchmark's own count. */
    private String recount(Map<String, Long> expected) {
        Map<String, Long> counted = new HashMap<>();
        jdbc.query("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'trackId', count(*) from domain_event_entry
                where payload_type = ? and (convert_from(payload, 'UTF8')::jsonb ->> 'counted')::boolean
                group by 1""", (ResultSet rs) -> {
            counted.put(rs.getString(1), rs.getLong(2));
        }, TRACK_PLAYED);
        long expectedTotal = expected.values().stream().mapToLong(Long::longValue).sum();
        long countedTotal = counted.values().stream().mapToLong(Long::longValue).sum();
        long tracksDiffering = java.util.stream.Stream.concat(expected.keySet().stream(), counted.keySet().stream())
                .distinct().filter(id -> !expected.getOrDefault(id, 0L).equals(counted.getOrDefault(id, 0L))).count();
        return "counted streams in the event store " + countedTotal + ", benchmark's count " + expectedTotal
                + ", tracks differing " + tracksDiffering + (tracksDiffering == 0 ? " (OK)" : " (MISMATCH)");
    }

    /**
     * Counts plays stored after an index while they are ingested, reading each poll only the rows since the head of
     * two polls before, so that the benchmark's polling costs the server little; rows settled by then are counted
     * once. A row committed later below the settled index (a late commit) is found by a full count when the
     * estimate falls short.
     */
    private final class StoredPlays {
        /** Polls without progress before a full count looks for late commits. */
        private static final int STALLED_POLLS = 20;
        private final long indexBefore;
        private long settledIndex;
        private long settledCount;
        private long previousHead;
        private long lastEstimate = -1;
        private int stalled;

        StoredPlays(long indexBefore) {
            this.indexBefore = indexBefore;
            settledIndex = indexBefore;
            previousHead = indexBefore;
        }

        boolean atLeast(long expected) {
            long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
            long settle = Math.max(settledIndex, previousHead);
            long[] counts = jdbc.queryForObject("""
                    select count(*) filter (where global_index <= ?), count(*) from domain_event_entry
                    where global_index > ? and payload_type = ?""",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, settle, settledIndex, TRACK_PLAYED);
            long estimate = settledCount + counts[1];
            settledCount += counts[0];
            settledIndex = settle;
            previousHead = head;
            if (estimate >= expected) {
                return true;
            }
            stalled = estimate == lastEstimate ? stalled + 1 : 0;
            lastEstimate = estimate;
            if (stalled >= STALLED_POLLS) {
                stalled = 0;
                return storedPlaysAfter(indexBefore) >= expected;
            }
            return false;
        }
    }

    /** Plays stored after {@code globalIndex}: a range of the primary key, cheap enough to poll while ingesting. */
    private long storedPlaysAfter(long globalIndex) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ? and payload_type = ?",
                Long.class, globalIndex, TRACK_PLAYED);
    }

    @SuppressWarnings("unchecked")
    /**
     * A producer as an edge service would run one for a stream of plays: large batches, uncompressed (the dev
     * services' broker has no compression codecs on its class path).
     */
    KafkaTemplate<String, String> kafkaTemplate() {
        ProducerFactory<String, String> producers = context.getBean(ProducerFactory.class);
        return new KafkaTemplate<>(producers, Map.of(ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024));
    }

    /** The synthetic catalog, imported through the command side, once every track is in the browse model. */
    List<SyntheticPlays.Track> catalog(int trackCount, int seed) throws Exception {
        BenchCatalog.imported(context, trackCount, seed);
        List<SyntheticPlays.Track> tracks = new ArrayList<>(trackCount);
        int[] release = {0};
        try (Stream<CatalogLine> lines = SyntheticCatalog.lines(seed, trackCount)) {
            lines.forEach(line -> {
                if (line instanceof CatalogLine.Release r) {
                    IngestReleaseRequest request = r.release();
                    for (TrackRequest t : request.tracks()) {
                        tracks.add(new SyntheticPlays.Track(CatalogIds.trackId(request.upc(), t.isrc()), t.durationMs(),
                                t.territories().get(0), release[0], CatalogIds.releaseId(request.upc())));
                    }
                    release[0]++;
                }
            });
        }
        Benchmarks.waitFor(() -> jdbc.queryForObject("select count(*) from browse_track", Long.class)
                >= tracks.size(), 3_600);
        return tracks;
    }

    /**
     * The seed design's write path: per play, one transaction of an insert into a history table (indexed by user
     * and time, for recently played) and a counter update.
     */
    private double crudPath(List<SyntheticPlays.Track> tracks, List<SyntheticPlays.Published> plays) {
        jdbc.execute("""
                create table if not exists bench_crud_track (track_id text primary key, play_count bigint not null);
                create table if not exists bench_crud_listening_history (id bigserial primary key, user_id text not null,
                    track_id text not null, played_at timestamptz not null, ms_played bigint not null);
                create index if not exists bench_crud_listening_history_by_user
                    on bench_crud_listening_history (user_id, played_at);
                truncate bench_crud_listening_history""");
        jdbc.batchUpdate("insert into bench_crud_track values (?, 0) on conflict do nothing",
                tracks.stream().map(t -> new Object[] {t.id()}).toList());
        TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CRUD_CLIENTS);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CRUD_CLIENTS; w++) {
                workers.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < plays.size(); i = next.getAndIncrement()) {
                        SyntheticPlays.Published play = plays.get(i);
                        transactions.executeWithoutResult(tx -> {
                            jdbc.update("insert into bench_crud_listening_history (user_id, track_id, played_at,"
                                    + " ms_played) values (?, ?, now(), ?)", play.userId(), play.trackId(),
                                    play.msPlayed());
                            jdbc.update("update bench_crud_track set play_count = play_count + 1 where track_id = ?",
                                    play.trackId());
                        });
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return plays.size() / ((System.nanoTime() - t0) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a CRUD play failed", e.getCause());
        } finally {
            clients.shutdown();
        }
    }
}
