package io.musicstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryIds;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.infra.catalog.imports.CatalogImporter;
import io.musicstream.tools.catalog.SyntheticCatalog;
import io.musicstream.projections.library.LibrarySyncProjection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The library sync feed: seeds many library events straight into the event store (COPY), times the
 * {@code library-sync} projection catching up on them, then measures over HTTP, while a background writer
 * keeps saving and removing tracks, a full 500-change sync page next to a 5-change delta, library write
 * throughput in a phase of its own, and the bytes of a 5-change delta against a full library refresh.
 *
 * <p>Of the {@value #HEAVY} heavy users (registered through the API, {@value #HEAVY_EVENTS} events each,
 * ending with 5,000 saved tracks), the first half is only read, so their feeds stay put and "5 changes
 * before the end" stays 5 changes; the second half is written to by the writers.
 */
final class SyncBenchmark {

    private static final int HEAVY = 20;
    private static final int HEAVY_EVENTS = 6_000;
    /** Every 12th event of a heavy user removes the item saved just before: 5,500 saves, 500 removals. */
    private static final int HEAVY_REMOVE_EVERY = 12;
    /** Every 4th event of another user removes the item saved just before. */
    private static final int REMOVE_EVERY = 4;
    private static final int COPY_ROWS = 20_000;
    private static final int SEED_THREADS = 4;
    private static final int CATALOG_TRACKS = 10_000;
    private static final String PASSWORD = "sync-bench-password";
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_WARM_UP_ROUNDS = 8;
    /** JIT compile time, as a share of one core, under which a warm-up round counts as settled. */
    private static final double SETTLED_JIT_PERCENT = 10;
    /** Time the collector's cycles ran, as a share of the round's, under which a warm-up round counts as settled. */
    private static final double SETTLED_GC_PERCENT = 25;
    private static final String API = "/api/v1";

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json = EventJson.objectMapper();
    private final BlockingHttp http;
    private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();
    private final AllocationStalls stalls;
    /** When the seeded changes start: recent, or the feed's retention (90 days) would prune them. */
    private final Instant seededFrom = Instant.now().minus(Duration.ofDays(1));

    /** A registered heavy user and its session. */
    private record User(String userId, String token) {
    }

    /** One feed read: who, and from which token. */
    private record Read(User user, long since, int limit) {
    }

    SyncBenchmark(ApplicationContext context, int httpPort) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataSource = context.getBean(DataSource.class);
        this.http = new BlockingHttp("http://127.0.0.1:" + httpPort);
        this.stalls = new AllocationStalls();
    }

    List<String> run(long events, int users, int rounds, int clients, int requests, int writerThreads, int writes,
                     int backgroundWritesPerSecond) throws Exception {
        if (users <= HEAVY * 2 || events < (long) HEAVY * HEAVY_EVENTS + (users - HEAVY)) {
            throw new IllegalArgumentException("need more than " + HEAVY * 2 + " users and at least "
                    + HEAVY * HEAVY_EVENTS + " events plus one per other user");
        }
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "library sync feed, %,d library events over %,d users (%d heavy users "
                + "with %,d events), %d reader clients:", events, users, HEAVY, HEAVY_EVENTS, clients));

        List<String> tracks = importCatalog();
        List<String> writable = jdbc.queryForList("""
                select track_id from browse_track
                where ('WW' = any(territories) or 'SE' = any(territories)) and not blocked_everywhere
                  and not ('SE' = any(blocked_territories)) and taken_down_at is null
                order by track_id limit 50""", String.class);
        List<User> heavy = new ArrayList<>();
        for (int i = 0; i < HEAVY; i++) {
            heavy.add(register("syncbench-" + i));
        }

        // Seed with every streaming processor stopped, then time library-sync's catch-up alone. Processors
        // running during the seed would see the concurrent COPY transactions' numbers as gaps, up to 10,000
        // per event token, and run out of memory.
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        context.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        StreamingEventProcessor processor = processors.get(LibrarySyncProjection.PROCESSING_GROUP);
        processors.values().forEach(EventProcessor::shutDown);
        long t0 = System.nanoTime();
        seed(events, users, heavy, tracks);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        report.add(String.format(Locale.ROOT, "  seed (COPY, %d threads):             %,.0f events/s  (%.1f s)",
                SEED_THREADS, events / seedSeconds, seedSeconds));
        System.out.println(report.get(report.size() - 1));
        // one segment handles the events in order: once the last one's change is there, all are
        // (looked up by its primary key: max(token) over all users would scan the whole table each time)
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        String lastUser = jdbc.queryForObject("select aggregate_identifier from domain_event_entry where global_index = ?",
                String.class, last).substring(LibraryIds.of("").length());
        long t1 = System.nanoTime();
        processor.start();
        Benchmarks.waitFor(() -> jdbc.queryForObject("select exists (select 1 from sync_change where user_id = ? and token = ?)",
                Boolean.class, lastUser, last), 7_200);
        double catchUpSeconds = (System.nanoTime() - t1) / 1e9;
        report.add(String.format(Locale.ROOT, "  library-sync projection catch-up:    %,.0f events/s  (%.1f s)",
                events / catchUpSeconds, catchUpSeconds));
        System.out.println(report.get(report.size() - 1));
        // the other processors pass over the library events before measuring, so they do not compete
        processors.values().forEach(EventProcessor::start);
        // a processor reports no status until it has claimed its segments: wait for all of them
        TokenStore tokenStore = context.getBean(TokenStore.class);
        Benchmarks.waitFor(() -> processors.entrySet().stream().allMatch(e -> {
            Map<Integer, EventTrackerStatus> status = e.getValue().processingStatus();
            return status.size() == tokenStore.fetchSegments(e.getKey()).length && status.values().stream()
                    .allMatch(s -> s.getCurrentPosition().orElse(0) >= last);
        }), 7_200);
        System.out.println("all processors caught up");
        // a store that has run for a while has been vacuumed and analysed; a fresh seed has not
        jdbc.execute("vacuum (analyze) domain_event_entry, sync_change, library_item");

        // readers read the first half of the heavy users, whose feeds no writer touches
        List<User> readers = heavy.subList(0, HEAVY / 2);
        List<User> written = heavy.subList(HEAVY / 2, HEAVY);
        List<Read> pages = new ArrayList<>();
        List<Read> deltas = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            User user = readers.get(i % readers.size());
            pages.add(new Read(user, tokenBeforeEnd(user, 500), 500));
            deltas.add(new Read(user, tokenBeforeEnd(user, 5), 500));
        }
        // the feed serves only up to its watermark, which starts moving with the first reads
        for (User user : readers) {
            long since = tokenBeforeEnd(user, 5);
            Benchmarks.waitFor(() -> changes(read(new Read(user, since, 500))) == 5, 60);
        }
        Callable<Round> nextRound = () -> round(pages, deltas, clients, written, writable, writerThreads, writes,
                backgroundWritesPerSecond);
        // warm-up: unmeasured rounds (JIT, connection pools, caches) until the JIT and the collector have settled.
        // With less, the compilers still took a core's worth of CPU during the first measured rounds; and on two
        // cores the warm-up's load can leave ZGC's cycles behind the allocations for minutes, stalling them
        for (int warmUp = 1; warmUp <= MAX_WARM_UP_ROUNDS; warmUp++) {
            Round round = nextRound.call();
            System.out.printf(Locale.ROOT, "warm-up round %d: JIT compiling %.0f%% of one core; GC cycles %.0f%% of "
                    + "the time; %s%n", warmUp, round.jitPercent(), round.gcPercent(), stalled(round.stalls()));
            if (round.jitPercent() < SETTLED_JIT_PERCENT && round.gcPercent() < SETTLED_GC_PERCENT
                    && round.stalls().count() == 0) {
                break;
            }
        }

        List<Round> measured = new ArrayList<>();
        for (int n = 1; n <= rounds; n++) {
            Round round = nextRound.call();
            measured.add(round);
            System.out.printf(Locale.ROOT, "round %d: 500-change page %s%n         5-change delta  %s%n"
                    + "         one client: 500-change page %s; 5-change delta %s%n"
                    + "         one client, liveness (no I/O) %s%n"
                    + "         background writer %s writes/s; CPU stolen by the host %.1f%%; JIT compiling %.0f%% "
                    + "of one core; GC cycles %.0f%% of the time; %s; write phase %s%n", n, round.page(),
                    round.delta(), round.singlePage(), round.singleDelta(), round.floor(),
                    Benchmarks.fmt(round.backgroundRate()), round.stealPercent(), round.jitPercent(), round.gcPercent(),
                    stalled(round.stalls()), round.write());
        }
        Latencies page = Latencies.median(each(measured, Round::page));
        Latencies delta = Latencies.median(each(measured, Round::delta));
        Latencies write = Latencies.median(each(measured, Round::write));
        Latencies singlePage = Latencies.median(each(measured, Round::singlePage));
        Latencies singleDelta = Latencies.median(each(measured, Round::singleDelta));
        report.add(String.format(Locale.ROOT, "  sync, full 500-change page, %d clients: %s  [target p99 < 10 ms: %s]",
                clients, page, page.p99() < 10 ? "met" : "MISSED"));
        report.add(String.format(Locale.ROOT, "  sync, 5-change delta, %d clients:       %s  [target p99 < 5 ms: %s]",
                clients, delta, delta.p99() < 5 ? "met" : "MISSED"));
        report.add(String.format(Locale.ROOT, "  sync, full 500-change page, 1 client:  %s  [target p99 < 10 ms: %s]",
                singlePage, singlePage.p99() < 10 ? "met" : "MISSED"));
        report.add(String.format(Locale.ROOT, "  sync, 5-change delta, 1 client:        %s  [target p99 < 5 ms: %s]",
                singleDelta, singleDelta.p99() < 5 ? "met" : "MISSED"));
        Latencies floor = Latencies.median(each(measured, Round::floor));
        report.add(String.format(Locale.ROOT, "  floor, liveness (no I/O), 1 client:    %s  (p99 over the floor's, 1 client: "
                + "page %.1fx, delta %.1fx)", floor, singlePage.p99() / floor.p99(), singleDelta.p99() / floor.p99()));
        report.add(String.format(Locale.ROOT, "  while reads were measured (medians of rounds): CPU stolen by the host "
                + "%.1f%%; JIT compiling %.0f%% of one core; GC cycles %.0f%% of the time",
                Benchmarks.median(each(measured, Round::stealPercent)),
                Benchmarks.median(each(measured, Round::jitPercent)), Benchmarks.median(each(measured, Round::gcPercent))));
        report.add(String.format(Locale.ROOT, "  allocation stalls in the measured rounds: %,d, %,.0f ms in all, the "
                + "longest %.1f ms",
                measured.stream().mapToLong(r -> r.stalls().count()).sum(),
                measured.stream().mapToDouble(r -> r.stalls().totalMillis()).sum(),
                measured.stream().mapToDouble(r -> r.stalls().maxMillis()).max().orElse(0)));
        report.add(String.format(Locale.ROOT, "  p50 500-change page/5-change delta: %.1fx (%,d requests each per round, "
                + "while 1 background writer did %s writes/s)", page.p50() / delta.p50(), requests,
                Benchmarks.fmt(Benchmarks.median(each(measured, Round::backgroundRate)))));
        report.add(String.format(Locale.ROOT, "  library writes (PUT/DELETE, %d writer threads, %,d per round): "
                + "%,.0f writes/s, p50 %.2f ms, p99 %.2f ms", writerThreads, writes, write.perSecond(), write.p50(),
                write.p99()));

        User user = readers.get(0);
        long deltaBytes = get("/me/sync?since=" + tokenBeforeEnd(user, 5), user).length;
        long refreshBytes = 0;
        int refreshPages = 0;
        long total = Long.MAX_VALUE;
        for (int offset = 0; offset < total; offset += 500) {
            byte[] body = get("/me/library/tracks?limit=500&offset=" + offset, user);
            total = json.readTree(body).get("total").asLong();
            refreshBytes += body.length;
            refreshPages++;
        }
        report.add(String.format(Locale.ROOT, "  bytes: 5-change delta %,d B vs full refresh of a %,d-item library "
                + "%,d B (%d pages of 500): ratio 1:%,.0f", deltaBytes, total, refreshBytes, refreshPages,
                (double) refreshBytes / deltaBytes));
        stalls.close();
        return report;
    }

    /**
     * One round's figures; steal, JIT and GC are over its reads: the JIT's compile time as a share of one core,
     * the collector's cycles (ZGC's run concurrently, several at once) as a share of the time; the allocation
     * stalls are the whole round's.
     */
    private record Round(Latencies page, Latencies delta, Latencies singlePage, Latencies singleDelta,
                         Latencies floor, double stealPercent, double jitPercent, double gcPercent,
                         double backgroundRate, Latencies write, AllocationStalls.Totals stalls) {
    }

    private static <T> List<T> each(List<Round> rounds, Function<Round, T> figure) {
        return rounds.stream().map(figure).toList();
    }

    private static String stalled(AllocationStalls.Totals stalls) {
        return String.format(Locale.ROOT, "allocation stalls %,d (%,.0f ms in all, longest %.1f ms)", stalls.count(),
                stalls.totalMillis(), stalls.maxMillis());
    }

    /**
     * Reads while the background writer writes: pages and deltas from {@code clients} threads, then from one,
     * then the floor; after them, the write phase on its own.
     */
    private Round round(List<Read> pages, List<Read> deltas, int clients, List<User> written, List<String> writable,
                        int writerThreads, int writes, int backgroundWritesPerSecond) throws Exception {
        stalls.drain();
        CpuSteal stolen = CpuSteal.start();
        long jit0 = compilation.getTotalCompilationTime();
        long gc0 = gcCycleMillis();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong backgroundWrites = new AtomicLong();
        Thread writer = new Thread(() -> backgroundWriter(written, writable, backgroundWritesPerSecond, stop,
                backgroundWrites), "sync-bench-writer");
        long w0 = System.nanoTime();
        writer.start();
        Latencies page = Latencies.measure(pages, clients, this::read, (r, body) -> expectChanges(body, 500));
        Latencies delta = Latencies.measure(deltas, clients, this::read, (r, body) -> expectChanges(body, 5));
        // one client at a time: the service time, without queueing behind the other clients on shared cores
        Latencies singlePage = Latencies.measure(pages.subList(0, Math.min(1_000, pages.size())), 1,
                this::read, (r, body) -> expectChanges(body, 500));
        Latencies singleDelta = Latencies.measure(deltas.subList(0, Math.min(1_000, deltas.size())), 1,
                this::read, (r, body) -> expectChanges(body, 5));
        // the floor: a request through the same server that does no I/O at all, measured alike
        Latencies floor = Latencies.measure(Collections.nCopies(1_000, "/actuator/health/liveness"), 1,
                path -> http.exchange("GET", path, null, null));
        stop.set(true);
        double steal = stolen.percentSince();
        double elapsedMillis = (System.nanoTime() - w0) / 1e6;
        double jit = 100.0 * (compilation.getTotalCompilationTime() - jit0) / elapsedMillis;
        double gc = 100.0 * (gcCycleMillis() - gc0) / elapsedMillis;
        writer.join();
        double backgroundRate = backgroundWrites.get() / ((System.nanoTime() - w0) / 1e9);
        Latencies write = writePhase(written, writable, writerThreads, writes);
        Thread.sleep(1_500); // JFR hands over the last second's stalls
        return new Round(page, delta, singlePage, singleDelta, floor, steal, jit, gc, backgroundRate, write,
                stalls.drain());
    }

    /** Time spent in collections so far; ZGC's "Pauses" beans are left out, its cycles contain them. */
    private static long gcCycleMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!collector.getName().endsWith("Pauses")) {
                total += Math.max(0, collector.getCollectionTime());
            }
        }
        return total;
    }

    /** A small synthetic catalog through the command side; the seeded items and the writers use its tracks. */
    private List<String> importCatalog() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        SyntheticCatalog.write(7, CATALOG_TRACKS, file);
        CatalogImporter.Totals totals = context.getBean(CatalogImporter.class)
                .run(new ByteArrayInputStream(file.toByteArray()), OutputStream.nullOutputStream());
        Benchmarks.waitFor(() -> jdbc.queryForObject("select count(*) from browse_track", Long.class) >= totals.tracks(), 600);
        List<String> tracks = jdbc.queryForList("select track_id from browse_track order by track_id", String.class);
        if (tracks.size() <= HEAVY_EVENTS) {
            throw new IllegalStateException("catalog too small: " + tracks.size() + " tracks");
        }
        System.out.printf(Locale.ROOT, "catalog imported: %,d tracks%n", tracks.size());
        return tracks;
    }

    /**
     * Writes the events with COPY, {@value #COPY_ROWS} rows per statement (one transaction each), users split
     * over {@value #SEED_THREADS} threads; each user's events have sequence numbers 0, 1, 2... The heavy users
     * come first, the other users' ids are made up.
     */
    private void seed(long events, int users, List<User> heavy, List<String> tracks) throws Exception {
        long rest = events - (long) HEAVY * HEAVY_EVENTS;
        int others = users - HEAVY;
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        AtomicLong written = new AtomicLong();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < SEED_THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(true);
                        PGConnection pg = connection.unwrap(PGConnection.class);
                        StringBuilder rows = new StringBuilder(COPY_ROWS * 400);
                        int[] count = {0};
                        for (int u = thread; u < users; u += SEED_THREADS) {
                            boolean isHeavy = u < HEAVY;
                            String userId = isHeavy ? heavy.get(u).userId() : "sync-bench-user-" + u;
                            long n = isHeavy ? HEAVY_EVENTS : rest / others + ((u - HEAVY) < rest % others ? 1 : 0);
                            int removeEvery = isHeavy ? HEAVY_REMOVE_EVERY : REMOVE_EVERY;
                            for (long seq = 0; seq < n; seq++) {
                                // a removal takes back the item saved by the event before it
                                boolean remove = seq % removeEvery == removeEvery - 1;
                                String item = tracks.get((int) ((u * 131L + (remove ? seq - 1 : seq)) % tracks.size()));
                                appendRow(rows, userId, seq, remove, item);
                                if (++count[0] == COPY_ROWS) {
                                    copy(pg, rows);
                                    written.addAndGet(count[0]);
                                    count[0] = 0;
                                }
                            }
                        }
                        if (count[0] > 0) {
                            copy(pg, rows);
                            written.addAndGet(count[0]);
                        }
                    }
                    return null;
                }));
            }
            long nextReport = System.nanoTime() + 10_000_000_000L;
            while (!workers.stream().allMatch(Future::isDone)) {
                Thread.sleep(50);
                if (System.nanoTime() > nextReport) {
                    System.out.printf(Locale.ROOT, "seeded %,d events%n", written.get());
                    nextReport += 10_000_000_000L;
                }
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One row of COPY text format; global_index is left to the table (its trigger draws it). */
    private void appendRow(StringBuilder rows, String userId, long seq, boolean remove, String item)
            throws IOException {
        Instant at = seededFrom.plusMillis(seq);
        Object payload = remove ? new ItemRemovedFromLibrary(userId, LibraryItemType.TRACK, item, at, null)
                : new ItemSavedToLibrary(userId, LibraryItemType.TRACK, item, at, null);
        rows.append(UUID.randomUUID()).append('\t')
                .append("\\\\x7b7d").append('\t') // meta_data: "{}"
                .append("\\\\x").append(HEX.formatHex(json.writeValueAsBytes(payload))).append('\t')
                .append("1\t").append(payload.getClass().getName()).append('\t')
                .append(at).append('\t')
                .append(LibraryIds.of(userId)).append('\t')
                .append(seq).append("\tLibrary\n");
    }

    private static void copy(PGConnection pg, StringBuilder rows) throws Exception {
        pg.getCopyAPI().copyIn("""
                copy domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type) from stdin""",
                new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** The token after which exactly {@code changes} of the user's changes follow. */
    private long tokenBeforeEnd(User user, int changes) {
        return jdbc.queryForObject("select token from sync_change where user_id = ? order by token desc offset ? limit 1",
                Long.class, user.userId(), changes);
    }

    /** One feed read (timed); its answer is checked outside the timing. */
    private BlockingHttp.Body read(Read read) {
        return http.exchange("GET", API + "/me/sync?since=" + read.since() + "&limit=" + read.limit(),
                read.user().token(), null);
    }

    private void expectChanges(BlockingHttp.Body page, int expected) {
        int changes = changes(page);
        if (changes != expected) {
            throw new IllegalStateException("expected " + expected + " changes, got " + changes);
        }
    }

    /** The number of entries in a page's {@code changes}, counted while streaming (no tree: less garbage). */
    private int changes(BlockingHttp.Body page) {
        try (JsonParser parser = json.getFactory().createParser(page.buffer(), 0, page.length())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "changes".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.START_ARRAY) {
                    int count = 0;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        count++;
                    }
                    return count;
                }
            }
            throw new IllegalStateException("no changes in the page");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code threads} writers, each on its own user (no conflicts on one library), saving and removing tracks
     * in turn until {@code writes} requests are done; latencies of all writes.
     */
    private Latencies writePhase(List<User> users, List<String> writable, int threads, int writes) throws Exception {
        long[] nanos = new long[writes];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                User user = users.get(t % users.size());
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < writes; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        write(user, writable.get((i / 2) % writable.size()), i % 2 == 0);
                        nanos[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(nanos);
        return new Latencies(ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), writes / seconds);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /**
     * Saves and removes tracks for the written users, one request at a time at {@code perSecond} (as fast as
     * it can when 0), until stopped.
     */
    private void backgroundWriter(List<User> users, List<String> writable, int perSecond, AtomicBoolean stop,
                                  AtomicLong count) {
        long start = System.nanoTime();
        for (long i = 0; !stop.get(); i++) {
            if (perSecond > 0) {
                long wait = start + i * 1_000_000_000L / perSecond - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            write(users.get((int) (i / 2 % users.size())), writable.get((int) (i / 2 % writable.size())), i % 2 == 0);
            count.incrementAndGet();
        }
    }

    private void write(User user, String trackId, boolean save) {
        http.exchange(save ? "PUT" : "DELETE", API + "/me/library/tracks/" + trackId, user.token(), null);
    }

    private byte[] get(String path, User user) {
        return http.send("GET", API + path, user.token(), null);
    }

    private User register(String username) throws IOException {
        post("/auth/register", json.writeValueAsString(java.util.Map.of("username", username, "password", PASSWORD,
                "country", "SE")));
        JsonNode login = json.readTree(post("/auth/login", json.writeValueAsString(java.util.Map.of(
                "username", username, "password", PASSWORD))));
        return new User(login.get("userId").asText(), login.get("token").asText());
    }

    private byte[] post(String path, String body) {
        return http.send("POST", API + path, null, body);
    }
}
