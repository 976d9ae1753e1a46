package io.musicstream.benchmarks;

import io.musicstream.command.catalog.CatalogIds;
import io.musicstream.command.catalog.web.CatalogLine;
import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.infra.kafka.KafkaConfig;
import io.musicstream.tools.catalog.SyntheticCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays from Kafka into the event store: a synthetic catalog, plays with Zipf-skewed track popularity, listening
 * sessions that play on through an album, skips, and 10% redelivered duplicates, published to {@code play-events};
 * then the ingest rate until every distinct play is stored, a recount (stored equals published, once each), and in
 * the same run the seed design's CRUD path (per play one transaction: insert into a history table, update the
 * track's play count; 8 clients) and a raw batched insert of the same serialized rows, as ratios.
 */
final class PlaysBenchmark {

    private static final String TRACK_PLAYED = "io.musicstream.events.playback.TrackPlayed";
    private static final int CRUD_CLIENTS = 8;

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    PlaysBenchmark(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** A playable track: id, duration and a territory it is licensed in. */
    private record Track(String id, long durationMs, String territory, int release) {
    }

    /** One play as published: the Kafka key and the JSON. */
    private record Published(String key, String body, String userId, String playId) {
    }

    List<String> run(int trackCount, int plays, int rounds, int seed) throws Exception {
        List<Track> tracks = catalog(trackCount, seed);
        List<Published> published = plays(tracks, plays, seed);
        Set<String> distinct = new HashSet<>();
        published.forEach(p -> distinct.add(p.userId() + "\u0000" + p.playId()));
        long storedBefore = storedPlays();

        KafkaTemplate<String, String> kafka = kafkaTemplate();
        long t0 = System.nanoTime();
        for (Published p : published) {
            kafka.send(KafkaConfig.PLAY_EVENTS, p.key(), p.body());
        }
        kafka.flush();
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "published %,d plays (%,d distinct) in %.1f s%n", published.size(),
                distinct.size(), publishSeconds);

        long t1 = System.nanoTime();
        context.getBean(KafkaListenerEndpointRegistry.class).start();
        long expected = storedBefore + distinct.size();
        Benchmarks.waitFor(() -> storedPlays() >= expected, 24 * 3_600);
        double ingestSeconds = (System.nanoTime() - t1) / 1e9;
        double ingestRate = distinct.size() / ingestSeconds;
        Thread.sleep(2_000); // anything past the expected count would be a play stored twice
        long stored = storedPlays() - storedBefore;
        long storedTwice = jdbc.queryForObject("""
                select count(*) - count(distinct aggregate_identifier) from domain_event_entry
                where payload_type = ?""", Long.class, TRACK_PLAYED);

        List<Double> crud = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        RawEventRows rawRows = new RawEventRows(context);
        int baselinePlays = Math.min(plays, 20_000);
        crudPath(tracks, Math.min(baselinePlays, 2_000)); // warm-up
        for (int round = 1; round <= rounds; round++) {
            crud.add(crudPath(tracks, baselinePlays));
            raw.add(rawRows.insertTrackPlayed(baselinePlays));
            System.out.printf(Locale.ROOT, "round %d: CRUD path %s plays/s, raw batched insert %s rows/s%n", round,
                    Benchmarks.fmt(crud.get(round - 1)), Benchmarks.fmt(raw.get(round - 1)));
        }
        double crudRate = Benchmarks.median(crud);
        double rawRate = Benchmarks.median(raw);
        return List.of(
                String.format(Locale.ROOT, "plays from Kafka, %,d tracks, %,d plays published (%,d distinct, the rest"
                        + " redelivered):", trackCount, published.size(), distinct.size()),
                "  ingest into the event store: " + Benchmarks.fmt(ingestRate) + " plays/s ("
                        + String.format(Locale.ROOT, "%.1f s", ingestSeconds) + ")",
                "  CRUD path (" + CRUD_CLIENTS + " clients):      " + Benchmarks.fmt(crudRate) + " plays/s",
                "  raw batched insert:          " + Benchmarks.fmt(rawRate) + " rows/s",
                String.format(Locale.ROOT, "  ratio ingest/CRUD: %.2f (target 4), ingest/raw: %.3f (target 0.4)",
                        ingestRate / crudRate, ingestRate / rawRate),
                "  recount: stored " + stored + " of " + distinct.size() + " distinct plays, stored twice "
                        + storedTwice + (stored == distinct.size() && storedTwice == 0 ? " (OK)" : " (MISMATCH)"));
    }

    private long storedPlays() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?", Long.class,
                TRACK_PLAYED);
    }

    @SuppressWarnings("unchecked")
    private KafkaTemplate<String, String> kafkaTemplate() {
        return context.getBean(KafkaTemplate.class);
    }

    /** The synthetic catalog, imported through the command side, once every track is in the browse model. */
    private List<Track> catalog(int trackCount, int seed) throws Exception {
        BenchCatalog.imported(context, trackCount, seed);
        List<Track> tracks = new ArrayList<>(trackCount);
        int[] release = {0};
        try (Stream<CatalogLine> lines = SyntheticCatalog.lines(seed, trackCount)) {
            lines.forEach(line -> {
                if (line instanceof CatalogLine.Release r) {
                    IngestReleaseRequest request = r.release();
                    for (TrackRequest t : request.tracks()) {
                        tracks.add(new Track(CatalogIds.trackId(request.upc(), t.isrc()), t.durationMs(),
                                t.territories().get(0), release[0]));
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
     * Plays by {@code plays / 50} users: a session plays on to the album's next track 70% of the time, else jumps
     * to a track drawn by Zipf popularity; a fifth of plays are skipped part-way; every tenth is sent twice.
     */
    private List<Published> plays(List<Track> tracks, int plays, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cdf = zipf(tracks.size(), 1.0);
        int users = Math.max(1, plays / 50);
        int[] current = new int[users];
        Instant[] clock = new Instant[users];
        Instant start = Instant.now().minus(Duration.ofDays(2));
        for (int u = 0; u < users; u++) {
            current[u] = draw(cdf, random);
            clock[u] = start.plusSeconds(random.nextInt(3_600));
        }
        List<Published> out = new ArrayList<>(plays + plays / 10);
        List<Published> redeliveries = new ArrayList<>();
        for (int i = 0; i < plays; i++) {
            int u = random.nextInt(users);
            int next = current[u] + 1;
            current[u] = random.nextInt(10) < 7 && next < tracks.size() && tracks.get(next).release()
                    == tracks.get(current[u]).release() ? next : draw(cdf, random);
            Track track = tracks.get(current[u]);
            long ms = random.nextInt(5) == 0 ? random.nextLong(track.durationMs() + 1) : track.durationMs();
            String userId = "bench-listener-" + u;
            String playId = "p-" + i;
            String body = json.writeValueAsString(new java.util.LinkedHashMap<>(java.util.Map.of(
                    "playId", playId, "userId", userId, "trackId", track.id(), "startedAt", clock[u].toString(),
                    "msPlayed", ms, "deviceId", "bench-device", "territory", track.territory())));
            clock[u] = clock[u].plusMillis(ms + 500);
            Published p = new Published(userId, body, userId, playId);
            out.add(p);
            if (i % 10 == 0) {
                redeliveries.add(p);
            }
        }
        out.addAll(redeliveries);
        return out;
    }

    private static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    private static int draw(double[] cdf, SplittableRandom random) {
        int i = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    /** The seed design's write path: per play, one transaction of an insert and a counter update. */
    private double crudPath(List<Track> tracks, int plays) {
        jdbc.execute("""
                create table if not exists bench_crud_track (track_id text primary key, play_count bigint not null);
                create table if not exists bench_crud_listening_history (id bigserial primary key, user_id text not null,
                    track_id text not null, played_at timestamptz not null, ms_played bigint not null);
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
                    for (int i = next.getAndIncrement(); i < plays; i = next.getAndIncrement()) {
                        Track track = tracks.get(i % tracks.size());
                        String user = "crud-user-" + (i % 1000);
                        transactions.executeWithoutResult(tx -> {
                            jdbc.update("insert into bench_crud_listening_history (user_id, track_id, played_at,"
                                    + " ms_played) values (?, ?, now(), ?)", user, track.id(), track.durationMs());
                            jdbc.update("update bench_crud_track set play_count = play_count + 1 where track_id = ?",
                                    track.id());
                        });
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return plays / ((System.nanoTime() - t0) / 1e9);
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
