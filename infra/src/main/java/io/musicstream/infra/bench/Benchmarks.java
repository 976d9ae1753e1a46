package io.musicstream.infra.bench;

import io.musicstream.infra.MusicStreamingApplication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Options: --only=append|search, --rounds, --commands, --concurrency (client threads), --tracks, --queries,
 * --baseline-queries (how many of the queries the slow pg_trgm baseline runs).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        int rounds = intArg(args, "--rounds=", 5);
        int commands = intArg(args, "--commands=", 10_000);
        int concurrency = intArg(args, "--concurrency=", 32);
        int tracks = intArg(args, "--tracks=", 1_000_000);
        int queries = intArg(args, "--queries=", 2_000);
        int baselineQueries = intArg(args, "--baseline-queries=", 192);
        String only = Arrays.stream(args).filter(a -> a.startsWith("--only=")).findFirst()
                .map(a -> a.substring("--only=".length())).orElse("all");
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(MusicStreamingApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] settings = {
            "--music.dev-services.dir=.run/bench",
            "--music.dev-services.fresh=true",
            "--music.dev-services.postgres-port=17432",
            "--music.dev-services.kafka-port=17092",
            "--music.dev-services.elasticsearch-port=17200",
            "--music.dev-services.redis-port=17379",
            "--music.catalog.import.concurrency=16",
            "--logging.level.root=warn",
            "--spring.kafka.listener.auto-startup=false"};
        List<String> report = new ArrayList<>();
        try (ConfigurableApplicationContext context = app.run(settings)) {
            if (only.equals("all") || only.equals("append")) {
                report.addAll(new AppendBenchmark(context).run(rounds, commands, concurrency));
            }
            if (only.equals("all") || only.equals("search")) {
                report.addAll(new SearchBenchmark(context).run(tracks, 42, concurrency, Math.min(rounds, 3), queries,
                        baselineQueries));
            }
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed", e);
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

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
