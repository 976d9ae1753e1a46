package io.musicstream.benchmarks;

import io.musicstream.devservices.DevServices;
import io.musicstream.devservices.DevServicesMain;
import io.musicstream.devservices.DevServicesSettings;
import io.musicstream.devservices.Service;
import io.musicstream.infra.MusicStreamingApplication;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the benchmarks against the real servers (its own dev services under .run/bench, fresh each run) and
 * prints the figures. Each figure is the median of several rounds; where a baseline exists it is measured
 * in the same run, interleaved round by round, and reported as a ratio, because these machines are shared.
 *
 * <p>{@code make bench} runs all; {@code make bench ARGS="--only=search --tracks=100000"} runs one, smaller.
 * Options: --only=append|search|sync|plays|royalties|playlists, --rounds, --commands, --concurrency (client threads), --tracks, --queries,
 * --baseline-queries (how many of the queries the slow pg_trgm baseline runs); for sync: --events, --users,
 * --sync-clients, --requests (per kind of read and round), --writers, --writes (per round), --background-writes
 * (per second while reads are measured, 0 for as fast as one writer goes); for plays (not part of all):
 * --tracks (default 100,000), --plays (default 10,000,000, published with 10% more as redeliveries); where the servers
 * run: --dir (default .run/bench), --postgres-port, --kafka-port, --elasticsearch-port, --redis-port and
 * --http-port (the API, started for the sync benchmark only), so that two benchmarks can run side by side.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        String only = stringArg(args, "--only=", "all");
        boolean roundsGiven = Arrays.stream(args).anyMatch(a -> a.startsWith("--rounds="));
        int rounds = intArg(args, "--rounds=", only.equals("sync") ? 3 : 5);
        int commands = intArg(args, "--commands=", 10_000);
        int concurrency = intArg(args, "--concurrency=", 32);
        int tracks = intArg(args, "--tracks=", 1_000_000);
        int queries = intArg(args, "--queries=", 2_000);
        int baselineQueries = intArg(args, "--baseline-queries=", 192);
        boolean sync = only.equals("all") || only.equals("sync");
        int httpPort = intArg(args, "--http-port=", 17080);
        System.setProperty("axoniq.update-checker.disabled", "true");
        // the servers outlive the application context and stop when the JVM exits
        Path dir = Path.of(stringArg(args, "--dir=", ".run/bench")).toAbsolutePath().normalize();
        DevServices servers = DevServices.start(new DevServicesSettings(dir,
                intArg(args, "--postgres-port=", 17432), intArg(args, "--kafka-port=", 17092),
                intArg(args, "--elasticsearch-port=", 17200), intArg(args, "--redis-port=", 17379),
                true, EnumSet.allOf(Service.class)));
        SpringApplication app = new SpringApplication(MusicStreamingApplication.class);
        // the sync benchmark measures over HTTP, the others call the beans
        app.setWebApplicationType(sync || only.equals("plays") || only.equals("royalties") || only.equals("playlists")
                ? WebApplicationType.SERVLET
                : WebApplicationType.NONE);
        List<String> settings = new ArrayList<>(List.of(
                // the benchmarks' clients write and search far above any per-user limit
                "--music.rate-limits.enabled=false",
                "--music.admin.generate-password=true",
                "--music.admin.generated-password-dir=" + dir,
                "--server.port=" + httpPort,
                "--music.catalog.import.concurrency=16",
                "--logging.level.root=warn",
                "--spring.kafka.listener.auto-startup=false"));
        DevServicesMain.properties(servers).forEach((property, value) -> settings.add("--" + property + "=" + value));
        List<String> report = new ArrayList<>();
        try (ConfigurableApplicationContext context = app.run(settings.toArray(String[]::new))) {
            if (only.equals("all") || only.equals("append")) {
                report.addAll(new AppendBenchmark(context).run(rounds, commands, concurrency));
            }
            if (only.equals("all") || only.equals("search")) {
                report.addAll(new SearchBenchmark(context).run(tracks, 42, concurrency, Math.min(rounds, 3), queries,
                        baselineQueries));
            }
            if (only.equals("royalties")) {
                report.addAll(new RoyaltiesBenchmark(context, httpPort, dir).run(intArg(args, "--tracks=", 100_000),
                        intArg(args, "--plays=", 10_000_000), 42));
            }
            if (only.equals("playlists")) {
                report.addAll(new PlaylistsBenchmark(context, httpPort).run(intArg(args, "--tracks=", 20_000), 42));
            }
            if (only.equals("plays")) {
                report.addAll(new PlaysBenchmark(context, httpPort, dir).run(intArg(args, "--tracks=", 100_000),
                        intArg(args, "--plays=", 10_000_000), Math.min(rounds, 3), 42));
            }
            if (sync) {
                report.addAll(new SyncBenchmark(context, httpPort).run(longArg(args, "--events=", 10_000_000),
                        intArg(args, "--users=", 100_000), roundsGiven ? rounds : 3, intArg(args, "--sync-clients=", 4),
                        intArg(args, "--requests=", 4_000), intArg(args, "--writers=", 8),
                        intArg(args, "--writes=", 4_000), intArg(args, "--background-writes=", 200)));
            }
        } catch (Exception | Error e) {
            // the servers' and clients' threads would keep the JVM alive: end it
            System.err.println("benchmark failed:");
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println();
        System.out.println("== music-streaming benchmarks (" + rounds + " rounds, medians) ==");
        report.forEach(System.out::println);
        System.exit(0);
    }

    static int intArg(String[] args, String prefix, int fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> Integer.parseInt(a.substring(prefix.length()))).orElse(fallback);
    }

    static long longArg(String[] args, String prefix, long fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> Long.parseLong(a.substring(prefix.length()))).orElse(fallback);
    }

    static String stringArg(String[] args, String prefix, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> a.substring(prefix.length())).orElse(fallback);
    }

    /** Polls every 20 ms until the condition holds; fails after {@code seconds}. */
    static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        waitFor(condition, seconds, 20);
    }

    /** As {@link #waitFor(BooleanSupplier, int)}, checking every {@code pollMs}: for conditions that cost a query. */
    static void waitFor(BooleanSupplier condition, int seconds, int pollMs) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(pollMs);
        }
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
