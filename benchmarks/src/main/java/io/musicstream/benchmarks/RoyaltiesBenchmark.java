package io.musicstream.benchmarks;

import io.musicstream.infra.kafka.KafkaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A royalty period on the plays benchmark's data: the synthetic catalog, and plays of the previous month published
 * to {@code play-events} (the recorder takes plays up to 30 days old); a pool per territory and tier with usage;
 * then an admin's close, timed until the issuer has issued every statement; the auditor's replay of the period
 * over HTTP (events per second, and whether every statement matches); and one client reading the largest
 * statement (p50/p99; target p99 under 50 ms for 10,000 lines).
 */
final class RoyaltiesBenchmark {

    private static final String TRACK_PLAYED = "io.musicstream.events.playback.TrackPlayed";
    private static final String STATEMENT_ISSUED = "io.musicstream.events.royalty.RoyaltyStatementIssued";
    private static final long POOL_MINOR = 100_000_000;
    private static final int WARM_UP = 20;
    private static final int READS = 200;

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final PlaysBenchmark plays;
    private final BlockingHttp http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path dir;

    RoyaltiesBenchmark(ApplicationContext context, int httpPort, Path dir) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.plays = new PlaysBenchmark(context, httpPort, dir);
        this.http = new BlockingHttp("http://127.0.0.1:" + httpPort + "/api/v1");
        this.dir = dir;
    }

    List<String> run(int trackCount, int playCount, int seed) throws Exception {
        YearMonth period = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        // a few hours of listening that end before the month does
        Instant start = period.atEndOfMonth().atStartOfDay().toInstant(ZoneOffset.UTC);
        if (start.isBefore(Instant.now().minus(Duration.ofDays(29)))) {
            throw new IllegalStateException("the last day of " + period + " is more than 29 days ago: plays of it"
                    + " would be refused as too old; run this benchmark in the first 28 days of a month");
        }
        List<SyntheticPlays.Track> tracks = plays.catalog(trackCount, seed);
        String admin = login();

        SyntheticPlays synthetic = new SyntheticPlays(tracks, List.of());
        KafkaTemplate<String, String> kafka = plays.kafkaTemplate();
        synthetic.generate(playCount, seed, start, play -> kafka.send(KafkaConfig.PLAY_EVENTS, play.key(), play.body()));
        kafka.flush();
        long t0 = System.nanoTime();
        context.getBean(KafkaListenerEndpointRegistry.class).start();
        Benchmarks.waitFor(() -> jdbc.queryForObject("select count(*) from domain_event_entry where payload_type = ?",
                Long.class, TRACK_PLAYED) >= synthetic.distinct(), 24 * 3_600, 2_000);
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        long head = head();
        Benchmarks.waitFor(() -> position("royalty") >= head, 24 * 3_600, 500);

        List<Map<String, Object>> pools = jdbc.queryForList("""
                select territory, tier, sum(streams) as streams from royalty_usage
                where period = ? and territory <> 'XX' group by territory, tier order by territory, tier""",
                period.toString());
        for (Map<String, Object> pool : pools) {
            http.send("POST", "/admin/royalties/pools", admin, json.writeValueAsString(Map.of("period",
                    period.toString(), "territory", pool.get("territory"), "tier", pool.get("tier"),
                    "amountMinor", POOL_MINOR, "currency", "EUR")));
        }

        long t1 = System.nanoTime();
        http.send("POST", "/admin/royalties/periods/" + period + "/close", admin, null);
        long closeIndex = head();
        Benchmarks.waitFor(() -> position("royalty-issuer") >= closeIndex, 24 * 3_600, 100);
        double closeSeconds = (System.nanoTime() - t1) / 1e9;
        Map<String, Object> issued = jdbc.queryForMap("""
                select count(*) as statements,
                       coalesce(sum(jsonb_array_length(convert_from(payload, 'UTF8')::jsonb -> 'lines')), 0) as lines
                from domain_event_entry where payload_type = ? and aggregate_identifier like ?""",
                STATEMENT_ISSUED, period + ":%");

        long t2 = System.nanoTime();
        JsonNode started = json.readTree(http.send("POST", "/audit/royalty-replays", admin,
                json.writeValueAsString(Map.of("period", period.toString()))));
        String job = "/audit/royalty-replays/" + started.get("id").asString();
        JsonNode[] done = new JsonNode[1];
        Benchmarks.waitFor(() -> {
            done[0] = json.readTree(http.send("GET", job, admin, null));
            String state = done[0].get("state").asString();
            return state.equals("DONE") || state.equals("FAILED");
        }, 24 * 3_600, 200);
        double replaySeconds = (System.nanoTime() - t2) / 1e9;
        long replayed = done[0].at("/progress/eventsRead").asLong();

        long lastIssue = head();
        Benchmarks.waitFor(() -> position("royalty-statements") >= lastIssue, 3_600, 100);
        Map<String, Object> largest = jdbc.queryForMap("""
                select party_id, count(*) as lines from royalty_statement_line where period = ?
                group by party_id order by count(*) desc, party_id limit 1""", period.toString());
        String path = "/royalties/periods/" + period + "/statements/" + largest.get("party_id");
        List<Integer> calls = new ArrayList<>();
        for (int i = 0; i < WARM_UP + READS; i++) {
            calls.add(i);
        }
        Latencies.measure(calls.subList(0, WARM_UP), 1, i -> http.exchange("GET", path, admin, null));
        Latencies read = Latencies.measure(calls.subList(WARM_UP, calls.size()), 1,
                i -> http.exchange("GET", path, admin, null));

        return List.of(
                String.format(Locale.ROOT, "royalties, period %s: %,d tracks, %,d plays (%,d distinct) ingested in"
                        + " %.1f s, %d pools of %,d.00 EUR", period, trackCount, synthetic.published(),
                        synthetic.distinct(), ingestSeconds, pools.size(), POOL_MINOR / 100),
                String.format(Locale.ROOT, "  close to every statement issued: %.1f s, %s statements, %s lines",
                        closeSeconds, issued.get("statements"), issued.get("lines")),
                String.format(Locale.ROOT, "  auditor's replay: %s, %,d events in %.1f s: %s events/s (target 50,000);"
                        + " statements %d, mismatched %d", done[0].get("state").asString(), replayed, replaySeconds,
                        Benchmarks.fmt(replayed / replaySeconds), done[0].at("/result/statements").size(),
                        done[0].at("/result/totals/mismatched").asInt()),
                String.format(Locale.ROOT, "  one client reading the largest statement (%s lines, JSON): p50 %.2f ms"
                        + "  p99 %.2f ms (target p99 < 50 ms for 10,000 lines)", largest.get("lines"), read.p50(),
                        read.p99()));
    }

    private long head() {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    /** The lowest position of the processor's segments, or -1 before it has one. */
    private long position(String processor) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(processor, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1))
                .orElse(-1L);
    }

    private String login() throws Exception {
        String password = Files.readString(dir.resolve("admin-password")).trim();
        return json.readTree(http.send("POST", "/auth/login", null, json.writeValueAsString(Map.of(
                "username", "admin", "password", password)))).get("token").asString();
    }
}
