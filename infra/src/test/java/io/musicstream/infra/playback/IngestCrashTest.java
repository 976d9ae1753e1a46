package io.musicstream.infra.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.Releases;
import io.musicstream.infra.kafka.KafkaConfig;
import io.musicstream.command.royalty.RoyaltyStatement;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The play ingest survives a crash: the application, a child JVM of its own, is killed with SIGKILL while it
 * stores a backlog of plays from {@code play-events} (a tenth of them published twice) and started again; then
 * every published play is stored exactly once, nothing is dead-lettered, the counted streams per track equal a
 * recount made here from the counting rules (30 s played, 30 s window per user and track) over what was
 * published, and the royalty statements of the plays' period, closed through the child, pay what this test's own
 * pro-rata split of the pool over that recount pays, as does the auditor's replay.
 *
 * <p>The child runs with its clock in a month of the far future picked for the run ({@code music.clock.offset}),
 * so that its plays are the only ones of their period in the shared test database and the period has ended by
 * the child's clock. This JVM's own application context stops its {@code play-events} listener for the test, so
 * that only the child ingests. The child's output is kept in {@code target/ingest-crash}.
 */
class IngestCrashTest extends IntegrationTest {

    private static final int USERS = 300;
    private static final int PLAYS_PER_USER = 100;
    private static final int TRACKS = 12;
    private static final long MIN_MS_PLAYED = 30_000;
    private static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final String CHILD_ADMIN = "crash-admin";
    private static final String CHILD_ADMIN_PASSWORD = "Crash-test admin " + UUID.randomUUID();
    private static final String TERRITORY = "SE";
    private static final long POOL_MINOR = 100_000_007;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    Environment env;
    @Autowired
    EventStore events;

    private final List<MessageListenerContainer> stopped = new ArrayList<>();
    private Process child;
    private Duration clockOffset;
    private int childPort;

    /** One published play; {@code counted} is this test's own decision. */
    private record Play(String userId, String playId, String trackId, Instant startedAt, long msPlayed,
                        boolean counted) {
        String json() {
            return ApiClient.json(Map.of("playId", playId, "userId", userId, "trackId", trackId,
                    "startedAt", startedAt.toString(), "msPlayed", msPlayed, "deviceId", "phone",
                    "territory", TERRITORY, "endReason", "TRACK_DONE"));
        }
    }

    @AfterEach
    void killChildAndRestartListener() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor();
        }
        stopped.forEach(MessageListenerContainer::start);
    }

    @Test
    void playsIngestedAcrossASigkillAreStoredOnceCountedAndPaidAsARecountSays() throws Exception {
        stopThisJvmsPlayIngest();
        String run = "crash" + UUID.randomUUID().toString().substring(0, 8) + "-";
        YearMonth period = periodUnderProRataRules();
        Instant periodEnd = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        clockOffset = Duration.between(Instant.now(), periodEnd.plus(Duration.ofHours(6)));
        try (ServerSocket free = new ServerSocket(0)) {
            childPort = free.getLocalPort();
        }
        Map<String, Map<String, Integer>> holders = new HashMap<>();
        List<String> tracks = catalog(run, holders);
        List<Play> plays = plays(run, tracks, new Random(16), periodEnd.minus(Duration.ofHours(10)));
        List<Play> published = withRedeliveries(plays, new Random(17));
        publish(published);

        String like = "play:" + run + "%";
        Path logs = Path.of("target", "ingest-crash");
        Files.createDirectories(logs);

        long began = System.nanoTime();
        child = startChild(logs.resolve(run + "1.log"));
        awaitStored(like, plays.size() / 3, logs.resolve(run + "1.log"));
        child.destroyForcibly();
        assertThat(child.waitFor()).as("exit status of the child killed with SIGKILL").isEqualTo(SIGKILL_EXIT);
        long storedAtKill = stored(like);
        assertThat(storedAtKill).as("plays stored when the child was killed").isBetween(1L, plays.size() - 1L);

        child = startChild(logs.resolve(run + "2.log"));
        awaitStored(like, plays.size(), logs.resolve(run + "2.log"));
        System.out.printf("IngestCrashTest: %d plays published (%d distinct), %d stored at the kill, all stored"
                        + " %d s after the first start%n", published.size(), plays.size(), storedAtKill,
                Duration.ofNanos(System.nanoTime() - began).toSeconds());

        Map<String, Object> totals = jdbc.sql("""
                        select count(*) as stored, count(distinct aggregate_identifier) as distinct_plays
                        from domain_event_entry where aggregate_identifier like ?""")
                .param(like).query().singleRow();
        assertThat(((Number) totals.get("stored")).longValue()).isEqualTo(plays.size());
        assertThat(((Number) totals.get("distinct_plays")).longValue()).isEqualTo(plays.size());

        Map<String, Long> countedPerTrack = new HashMap<>();
        jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'trackId' as track, count(*) as n
                        from domain_event_entry
                        where aggregate_identifier like ? and (convert_from(payload, 'UTF8')::jsonb ->> 'counted')::boolean
                        group by 1""")
                .param(like).query((java.sql.ResultSet rs) -> {
                    countedPerTrack.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> recount = plays.stream().filter(Play::counted)
                .collect(Collectors.groupingBy(Play::trackId, Collectors.counting()));
        assertThat(countedPerTrack).isEqualTo(recount);

        List<String> countedPlays = jdbc.sql("""
                        select aggregate_identifier from domain_event_entry
                        where aggregate_identifier like ? and (convert_from(payload, 'UTF8')::jsonb ->> 'counted')::boolean""")
                .param(like).query(String.class).list();
        assertThat(countedPlays).containsExactlyInAnyOrderElementsOf(plays.stream().filter(Play::counted)
                .map(p -> "play:" + p.userId() + ":" + p.playId()).toList());

        assertThat(deadLettered(run)).as("dead-lettered plays of this test").isZero();

        ApiClient childAdmin = new ApiClient("http://127.0.0.1:" + childPort).loggedIn(CHILD_ADMIN,
                CHILD_ADMIN_PASSWORD);
        ApiClient.Response pool = childAdmin.post("/api/v1/admin/royalties/pools", Map.of("period",
                period.toString(), "territory", TERRITORY, "tier", "FREE", "amountMinor", POOL_MINOR, "currency", "EUR"));
        assertThat(pool.status()).as(pool.toString()).isEqualTo(201);
        ApiClient.Response closed = childAdmin.post("/api/v1/admin/royalties/periods/" + period + "/close", Map.of());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        Map<String, Map<String, List<Long>>> expected = payouts(recount, holders);
        eventually(() -> assertThat(statements(period, expected.keySet())).hasSize(expected.size()));
        Map<String, Map<String, List<Long>>> paid = new HashMap<>();
        statements(period, expected.keySet()).forEach(statement -> {
            Map<String, List<Long>> lines = new HashMap<>();
            for (StatementLine line : statement.lines()) {
                assertThat(line.forPeriod()).isEqualTo(period.toString());
                assertThat(line.territory()).isEqualTo(TERRITORY);
                assertThat(lines.put(line.trackId(), List.of(line.streams(), line.amountMinor()))).isNull();
            }
            paid.put(statement.partyId(), lines);
        });
        assertThat(paid).isEqualTo(expected);

        JsonNode replay = auditReplay(period);
        assertThat(replay.at("/result/totals/mismatched").asInt()).as(replay.toString()).isZero();
        assertThat(replay.at("/result/totals/matched").asInt()).as(replay.toString()).isEqualTo(expected.size());
    }

    /**
     * A month of the far future, after every rules version adopted so far, with plain pro-rata rules (no minimum,
     * no cap) adopted from its first day: other tests adopt other models for every period after theirs.
     */
    private YearMonth periodUnderProRataRules() {
        Instant latest = Instant.now();
        for (JsonNode rules : admin().get("/api/v1/admin/royalties/rules").json().get("items")) {
            Instant from = Instant.parse(rules.get("effectiveFrom").asText());
            latest = from.isAfter(latest) ? from : latest;
        }
        Random months = new Random();
        YearMonth period = YearMonth.of(2100 + months.nextInt(800), 1 + months.nextInt(12));
        YearMonth earliest = YearMonth.from(latest.atZone(ZoneOffset.UTC)).plusMonths(1);
        period = period.isBefore(earliest) ? earliest.plusMonths(months.nextInt(12)) : period;
        ApiClient.Response adopted = admin().post("/api/v1/admin/royalties/rules", Map.of("model", "PRO_RATA",
                "minTrackStreams", 0, "userDailyCap", 0, "artistMinStreams", 1_000, "artistMinListeners", 500,
                "artistWeight", 2, "soughtOutWeight", 2, "effectiveFrom",
                period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        return period;
    }

    /**
     * This test's own pro-rata split: the pool over the tracks by counted streams, then each track's part over its
     * holders by basis points, each rounded down with the units left over going to the largest remainders, ties
     * to the lower track id, then holder id. Answers per holder, per track, its streams and amount.
     */
    private static Map<String, Map<String, List<Long>>> payouts(Map<String, Long> streams,
                                                              Map<String, Map<String, Integer>> holders) {
        List<String> tracks = streams.keySet().stream().sorted().toList();
        long[] parts = largestRemainder(POOL_MINOR, tracks.stream().mapToLong(streams::get).toArray());
        Map<String, Map<String, List<Long>>> payouts = new HashMap<>();
        for (int t = 0; t < tracks.size(); t++) {
            String track = tracks.get(t);
            List<String> parties = holders.get(track).keySet().stream().sorted().toList();
            long[] amounts = largestRemainder(parts[t], parties.stream().mapToLong(p -> holders.get(track).get(p))
                    .toArray());
            for (int p = 0; p < parties.size(); p++) {
                payouts.computeIfAbsent(parties.get(p), k -> new HashMap<>())
                        .put(track, List.of(streams.get(track), amounts[p]));
            }
        }
        return payouts;
    }

    private static long[] largestRemainder(long amount, long[] weights) {
        long total = Arrays.stream(weights).sum();
        long[] parts = new long[weights.length];
        long[] remainders = new long[weights.length];
        long left = amount;
        for (int i = 0; i < weights.length; i++) {
            parts[i] = Math.multiplyExact(amount, weights[i]) / total;
            remainders[i] = Math.multiplyExact(amount, weights[i]) % total;
            left -= parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        for (int k = 0; k < left; k++) {
            parts[order.get(k)]++;
        }
        return parts;
    }

    /** The statements issued for {@code period} to these holders, from the event store. */
    private List<RoyaltyStatementIssued> statements(YearMonth period, Set<String> parties) {
        List<RoyaltyStatementIssued> found = new ArrayList<>();
        for (String party : parties) {
            DomainEventStream stream = events.readEvents(RoyaltyStatement.id(period.toString(), party));
            while (stream.hasNext()) {
                if (stream.next().getPayload() instanceof RoyaltyStatementIssued issued) {
                    found.add(issued);
                }
            }
        }
        return found;
    }

    private void stopThisJvmsPlayIngest() {
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null && Arrays.asList(topics).contains(KafkaConfig.PLAY_EVENTS) && container.isRunning()) {
                container.stop();
                stopped.add(container);
            }
        }
        assertThat(stopped).as("this JVM's play-events listener").isNotEmpty();
    }

    /**
     * A release of {@link #TRACKS} tracks licensed worldwide, once the browse read model has them; every third
     * track held whole by the run's label, the others 60/40 by the label and the run's publisher.
     *
     * @param holders filled with each track's holders and basis points
     */
    private List<String> catalog(String run, Map<String, Map<String, Integer>> holders) {
        ApiClient admin = admin();
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Crash " + run)).json()
                .get("artistId").asText();
        String isrcStem = "QZCRS" + String.format("%02d", (int) (Math.random() * 100));
        List<Map<String, Object>> tracks = new ArrayList<>();
        String label = run + "label";
        String publisher = run + "publisher";
        List<Map<String, Integer>> shares = new ArrayList<>();
        for (int i = 1; i <= TRACKS; i++) {
            Map<String, Object> track = Releases.track(isrcStem + String.format("%05d", i), "Crash " + i, i);
            Map<String, Integer> share = i % 3 == 0 ? Map.of(label, 10_000) : Map.of(label, 6_000, publisher, 4_000);
            track.put("rightsHolders", share.entrySet().stream().map(holder -> Map.of("partyId", holder.getKey(),
                    "name", holder.getKey(), "role", holder.getKey().equals(label) ? "RECORDING_OWNER" : "PUBLISHER",
                    "shareBasisPoints", holder.getValue())).toList());
            tracks.add(track);
            shares.add(share);
        }
        String upc = "0088" + String.format("%08d", (int) (Math.random() * 99_999_999));
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc, "Crash " + run, artistId,
                tracks));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        List<String> trackIds = new ArrayList<>();
        release.json().get("tracks").forEach(track -> trackIds.add(track.get("trackId").asText()));
        assertThat(trackIds).hasSize(TRACKS);
        for (int i = 0; i < TRACKS; i++) {
            holders.put(trackIds.get(i), shares.get(i));
        }
        eventually(() -> assertThat(jdbc.sql("select count(*) from browse_track where track_id = any(?)")
                .param(trackIds.toArray(String[]::new)).query(Long.class).single()).isEqualTo((long) TRACKS));
        return trackIds;
    }

    /**
     * Each user's plays in the order they started, with this test's counting decision: some shorter than the
     * minimum, some exactly at it, some repeating the previous track within the window, some exactly the window
     * after it.
     */
    private static List<Play> plays(String run, List<String> tracks, Random random, Instant from) {
        Instant base = from.truncatedTo(ChronoUnit.SECONDS);
        List<Play> plays = new ArrayList<>(USERS * PLAYS_PER_USER);
        for (int u = 0; u < USERS; u++) {
            String user = run + "u" + u;
            Map<String, Instant> lastCounted = new HashMap<>();
            Instant start = base.plusMillis(random.nextInt(60_000));
            String track = tracks.get(random.nextInt(tracks.size()));
            for (int p = 0; p < PLAYS_PER_USER; p++) {
                double gapKind = random.nextDouble();
                if (p > 0 && gapKind < 0.15) {
                    start = start.plusMillis(1_000 + random.nextInt(29_000)); // the same track within the window
                } else if (p > 0 && gapKind < 0.20) {
                    start = start.plus(REPEAT_WINDOW); // the same track exactly the window later
                } else {
                    start = start.plusMillis(60_000 + random.nextInt(240_000));
                    track = tracks.get(random.nextInt(tracks.size()));
                }
                double lengthKind = random.nextDouble();
                long ms = lengthKind < 0.15 ? random.nextInt((int) MIN_MS_PLAYED)
                        : lengthKind < 0.18 ? MIN_MS_PLAYED
                        : MIN_MS_PLAYED + 1 + random.nextInt(300_000);
                Instant last = lastCounted.get(track);
                boolean counted = ms >= MIN_MS_PLAYED
                        && (last == null || !Duration.between(last, start).minus(REPEAT_WINDOW).isNegative());
                if (counted) {
                    lastCounted.put(track, start);
                }
                plays.add(new Play(user, "p" + p, track, start, ms, counted));
            }
        }
        return plays;
    }

    /**
     * What a producer publishes: every user's plays in start order, a tenth of them again a few plays later (a
     * redelivery), the users' streams interleaved.
     */
    private static List<Play> withRedeliveries(List<Play> plays, Random random) {
        Map<String, List<Play>> byUser = new LinkedHashMap<>();
        for (Play play : plays) {
            byUser.computeIfAbsent(play.userId(), u -> new ArrayList<>()).add(play);
        }
        List<List<Play>> streams = new ArrayList<>();
        for (List<Play> own : byUser.values()) {
            List<Play> stream = new ArrayList<>(own);
            for (Play play : own) {
                if (random.nextInt(10) == 0) {
                    int at = Math.min(stream.indexOf(play) + 1 + random.nextInt(4), stream.size());
                    stream.add(at, play);
                }
            }
            streams.add(stream);
        }
        List<Play> published = new ArrayList<>();
        for (int i = 0; published.size() < streams.stream().mapToInt(List::size).sum(); i++) {
            for (List<Play> stream : streams) {
                if (i < stream.size()) {
                    published.add(stream.get(i));
                }
            }
        }
        assertThat(published.size() - plays.size()).as("redelivered plays").isBetween(plays.size() / 20,
                plays.size() / 5);
        return published;
    }

    private void publish(List<Play> published) {
        List<CompletableFuture<?>> sent = new ArrayList<>(published.size());
        for (Play play : published) {
            sent.add(kafka.send(KafkaConfig.PLAY_EVENTS, play.userId(), play.json()));
        }
        kafka.flush();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** The application in a JVM of its own, on this test's servers, its output in {@code log}. */
    private Process startChild(Path log) throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath));
        Map<String, String> properties = new LinkedHashMap<>();
        for (String property : List.of("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.kafka.bootstrap-servers", "music.elasticsearch.url",
                "spring.data.redis.url", "spring.data.redis.host", "spring.data.redis.port")) {
            String value = env.getProperty(property);
            if (value != null) {
                properties.put(property, value);
            }
        }
        properties.put("server.port", String.valueOf(childPort));
        properties.put("music.clock.offset", clockOffset.toString());
        // a loaded test machine answers slower than the service's production timeouts expect
        properties.put("spring.data.redis.timeout", "10s");
        properties.put("spring.data.redis.connect-timeout", "10s");
        properties.put("music.admin.username", CHILD_ADMIN);
        properties.put("music.admin.password", CHILD_ADMIN_PASSWORD);
        properties.put("music.billing.webhook-secret", "ingest-crash-billing-webhook-secret-01");
        // the killed child's consumers leave the group when their session ends: soon, so the new one takes over
        properties.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
        properties.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        properties.forEach((property, value) -> command.add("-D" + property + "=" + value));
        command.add("io.musicstream.infra.MusicStreamingApplication");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // should this JVM end before the test's cleanup runs, the child must not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "ingest-crash-child-kill"));
        return process;
    }

    private long stored(String like) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier like ?")
                .param(like).query(Long.class).single();
    }

    /** Waits until at least {@code expected} of the test's plays are stored, failing if the child dies. */
    private void awaitStored(String like, long expected, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        long count;
        while ((count = stored(like)) < expected) {
            if (!child.isAlive()) {
                fail("the application exited (" + child.exitValue() + ") with " + count + " plays stored:\n"
                        + tail(log));
            }
            if (System.nanoTime() - deadline > 0) {
                fail("only " + count + " of " + expected + " plays stored in time:\n" + tail(log));
            }
            Thread.sleep(50);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** How many records on the dead-letter topic carry a key of this test's users. */
    private long deadLettered(String run) {
        long found = 0;
        try (Consumer<String, String> consumer = consumers.createConsumer("crash-dlt-" + UUID.randomUUID(), null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(KafkaConfig.PLAY_EVENTS_DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() - deadline > 0) {
                    fail("the dead-letter topic was not read to its end in time");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(run)) {
                        found++;
                    }
                }
            }
        }
        return found;
    }
}
