package io.musicstream.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.royalty.PaidPool;
import io.musicstream.command.royalty.PayoutCalculator;
import io.musicstream.command.royalty.PeriodFacts;
import io.musicstream.command.royalty.PoolPayout;
import io.musicstream.command.royalty.Share;
import io.musicstream.command.royalty.Statement;
import io.musicstream.command.royalty.StatementBuilder;
import io.musicstream.command.royalty.Usage;
import io.musicstream.events.account.Plan;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's replay over HTTP against the real event store. Statements are issued the way the period close
 * issues them: lines this test computes itself from the plays it stored, with the payout calculator and the
 * statement builder, sent as {@code IssueStatement}. Bad inputs tried: periods that are not YYYY-MM (2026-13,
 * abcd-ef, missing), a period never closed, a rules version never adopted, a party id of 101 characters, job ids
 * unknown or not a UUID. Periods are random months of years 1000-1999, so runs sharing a database rarely meet.
 */
class RoyaltyReplayTest extends IntegrationTest {

    private static final String REPLAYS = "/api/v1/audit/royalty-replays";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    /** A play this test stores and counts itself. */
    private record Played(String userId, String trackId, Instant startedAt, String territory, Plan tier) {
        LocalDate day() {
            return LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
        }
    }

    /** One test's catalog: two tracks, their holders, and the plays stored so far. */
    private final class World {
        final String id = UUID.randomUUID().toString().substring(0, 8);
        final String trackA = "replay-a-" + id;
        final String trackB = "replay-b-" + id;
        final String label = "label-" + id;
        final String publisher = "pub-" + id;
        final Map<String, List<Share>> shares = Map.of(
                trackA, List.of(new Share(label, 6000), new Share(publisher, 4000)),
                trackB, List.of(new Share(label, 10_000)));
        final Map<String, String> isrcs = Map.of(trackA, "QZRPA" + id.substring(0, 7).toUpperCase(),
                trackB, "QZRPB" + id.substring(0, 7).toUpperCase());

        World(Instant releasedAt) {
            List<TrackSpec> tracks = new ArrayList<>();
            for (String track : List.of(trackA, trackB)) {
                List<RightsShare> holders = shares.get(track).stream()
                        .map(s -> new RightsShare(s.partyId(), s.partyId(), s.partyId().equals(label)
                                ? RightsRole.RECORDING_OWNER : RightsRole.PUBLISHER, s.basisPoints())).toList();
                tracks.add(new TrackSpec(track, isrcs.get(track), "Replay " + track, 200_000, 1, tracks.size() + 1,
                        false, List.of("artist-" + id), null, List.of("WW"), holders));
            }
            append("Release", new ReleaseIngested("release-" + id, "0088" + id, "Replay", ReleaseType.ALBUM,
                    List.of("artist-" + id), "Replay Label", LocalDate.of(1999, 1, 1), List.of(), null, tracks,
                    releasedAt), "1");
        }

        /** Stores a counted play (revision 3) and returns its global index. */
        long play(Played play, List<Played> into) {
            into.add(play);
            return append("Play", new TrackPlayed(UUID.randomUUID().toString(), play.userId(), play.trackId(),
                    play.startedAt(), 200_000, null, play.territory(), play.territory(), "release-" + id,
                    List.of("artist-" + id), null, new PlayContext(PlayContext.Type.ALBUM, null), false, true, 2,
                    play.tier()), "3");
        }
    }

    private long append(String aggregateType, Object payload, String revision) {
        try {
            return jdbc.queryForObject("""
                            insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                                payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                            values (?, ?, ?, ?, ?, ?, ?, 0, ?) returning global_index""", Long.class,
                    UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                    EventJson.objectMapper().writeValueAsBytes(payload), revision, payload.getClass().getName(),
                    Instant.now().toString(), aggregateType + "-" + UUID.randomUUID(), aggregateType);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long appendRevisionOne(String userId, String trackId, Instant startedAt, String territory) {
        return jdbc.queryForObject("""
                        insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                        values (?, ?, ?, '1', ?, ?, ?, 0, 'Play') returning global_index""", Long.class,
                UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"playId\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + userId + "\",\"trackId\":\"" + trackId
                        + "\",\"startedAt\":\"" + startedAt + "\",\"msPlayed\":183000,\"deviceId\":\"d\","
                        + "\"territory\":\"" + territory + "\"}").getBytes(StandardCharsets.UTF_8),
                TrackPlayed.class.getName(), Instant.now().toString(), "Play-" + UUID.randomUUID());
    }

    private static YearMonth pastPeriod() {
        return YearMonth.of(ThreadLocalRandom.current().nextInt(1000, 1999), ThreadLocalRandom.current().nextInt(1, 13));
    }

    private static Instant at(YearMonth period, int day, int hour) {
        return period.atDay(day).atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private void declare(YearMonth period, String territory, Plan tier, long amount, String currency) {
        ApiClient.Response declared = admin().post("/api/v1/admin/royalties/pools", Map.of("period",
                period.toString(), "territory", territory, "tier", tier.name(), "amountMinor", amount,
                "currency", currency));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    }

    private void close(YearMonth period) {
        ApiClient.Response closed = admin().post("/api/v1/admin/royalties/periods/" + period + "/close", null);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    }

    /** A pool as this test declared it. */
    private record DeclaredPool(String territory, Plan tier, long amount, String currency) {
    }

    /** The pool's payout over {@code plays} under version 1 (pro-rata, no minimum, no cap: no facts needed). */
    private static PoolPayout payout(World world, DeclaredPool pool, List<Played> plays) {
        List<Usage> usages = new ArrayList<>();
        for (Played play : plays) {
            if (play.territory().equals(pool.territory()) && play.tier() == pool.tier()) {
                usages.add(new Usage(play.userId(), play.trackId(), play.day(), false, 1,
                        world.shares.get(play.trackId())));
            }
        }
        return PayoutCalculator.split(pool.amount(), RoyaltyRulesAdopted.VERSION_1, usages, PeriodFacts.none());
    }

    /** Issues the statements of {@code period} as the close does and returns them by party. */
    private Map<String, Statement> issue(World world, YearMonth period, List<PaidPool> pools) {
        Map<String, Statement> issued = new HashMap<>();
        for (Statement statement : StatementBuilder.build(period.toString(), pools, world.isrcs)) {
            commands.sendAndWait(statement.issue(Instant.now()));
            issued.put(statement.partyId(), statement);
        }
        return issued;
    }

    private List<PaidPool> own(World world, YearMonth period, List<DeclaredPool> pools, List<Played> plays) {
        List<PaidPool> paid = new ArrayList<>();
        for (DeclaredPool pool : pools) {
            paid.add(new PaidPool(period.toString(), pool.territory(), pool.tier(), pool.currency(),
                    payout(world, pool, plays)));
        }
        return paid;
    }

    private ApiClient auditor() {
        return withRoles("AUDITOR");
    }

    private ApiClient withRoles(String role) {
        String username = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("username", username, "password", "correct horse battery"));
        String userId = registered.json().get("userId").asText();
        assertThat(admin().put("/api/v1/admin/users/" + userId + "/roles", Map.of("roles", List.of(role)))
                .status()).isEqualTo(200);
        return anonymous.loggedIn(username, "correct horse battery");
    }

    /** Starts a replay and waits for it to end. */
    private JsonNode replay(ApiClient client, Map<String, Object> request) {
        ApiClient.Response started = client.post(REPLAYS, request);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo(REPLAYS + "/" + started.json().get("id").asText());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode job = client.get(location).json();
            String state = job.get("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                assertThat(state).as(job.toString()).isEqualTo("DONE");
                assertThat(job.at("/progress/position").asLong()).isEqualTo(job.at("/progress/head").asLong());
                return job;
            }
            assertThat(System.nanoTime()).as("replay still " + state + ": " + job).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void assertAllMatch(JsonNode job, int statements) {
        JsonNode result = job.get("result");
        assertThat(result.get("whatIf").asBoolean()).isFalse();
        assertThat(result.get("statements")).as(result.toString()).hasSize(statements);
        for (JsonNode statement : result.get("statements")) {
            assertThat(statement.get("match").asBoolean()).as(statement.toString()).isTrue();
            assertThat(statement.get("issuedDigest").asText()).isEqualTo(statement.get("recomputedDigest").asText());
            assertThat(statement.get("differingLines")).isEmpty();
        }
        assertThat(result.at("/totals/mismatched").asInt()).isZero();
    }

    @Test
    void aReplayRecomputesEveryIssuedStatementIncludingLatePlaysAsAdjustments() {
        YearMonth period = pastPeriod();
        YearMonth next = period.plusMonths(1);
        World world = new World(at(period, 1, 0).minus(1, ChronoUnit.DAYS));
        String u1 = "u1-" + world.id;
        String u2 = "u2-" + world.id;
        List<Played> plays = new ArrayList<>();
        world.play(new Played(u1, world.trackA, at(period, 2, 10), "DK", Plan.PREMIUM), plays);
        world.play(new Played(u1, world.trackA, at(period, 2, 11), "DK", Plan.PREMIUM), plays);
        world.play(new Played(u1, world.trackA, at(period, 3, 11), "DK", Plan.PREMIUM), plays);
        world.play(new Played(u2, world.trackB, at(period, 4, 9), "DK", Plan.PREMIUM), plays);
        world.play(new Played(u2, world.trackA, at(period, 5, 9), "SE", Plan.FREE), plays);
        // an old play (revision 1): no tier, so the free pool of the territory it named
        appendRevisionOne(u1, world.trackB, at(period, 6, 9), "SE");
        plays.add(new Played(u1, world.trackB, at(period, 6, 9), "SE", Plan.FREE));
        List<DeclaredPool> pools = List.of(new DeclaredPool("DK", Plan.PREMIUM, 1_000_000, "DKK"),
                new DeclaredPool("SE", Plan.FREE, 50_001, "SEK"));
        pools.forEach(p -> declare(period, p.territory(), p.tier(), p.amount(), p.currency()));
        close(period);
        Map<String, Statement> first = issue(world, period, own(world, period, pools, plays));
        assertThat(first).containsOnlyKeys(world.label, world.publisher);

        // late: played in the closed period, paid in the next as adjustments
        List<Played> late = new ArrayList<>();
        world.play(new Played(u2, world.trackB, at(period, 20, 9), "DK", Plan.PREMIUM), late);
        List<Played> nextPlays = new ArrayList<>();
        world.play(new Played(u1, world.trackB, at(next, 2, 9), "DK", Plan.PREMIUM), nextPlays);
        List<DeclaredPool> nextPools = List.of(new DeclaredPool("DK", Plan.PREMIUM, 700_000, "DKK"));
        nextPools.forEach(p -> declare(next, p.territory(), p.tier(), p.amount(), p.currency()));
        close(next);
        List<PaidPool> paid = new ArrayList<>(own(world, next, nextPools, nextPlays));
        List<Played> all = new ArrayList<>(plays);
        all.addAll(late);
        for (DeclaredPool pool : pools) {
            PoolPayout after = payout(world, pool, all);
            PoolPayout before = payout(world, pool, plays);
            List<io.musicstream.command.royalty.PayoutLine> lines = new ArrayList<>();
            for (var line : after.lines()) {
                var was = before.lines().stream().filter(b -> b.trackId().equals(line.trackId())
                        && b.partyId().equals(line.partyId())).findFirst();
                long streams = line.streams() - was.map(b -> b.streams()).orElse(0L);
                long amount = line.amountMinor() - was.map(b -> b.amountMinor()).orElse(0L);
                if (streams != 0 || amount != 0) {
                    lines.add(new io.musicstream.command.royalty.PayoutLine(line.trackId(), line.partyId(), streams,
                            amount));
                }
            }
            if (!lines.isEmpty()) {
                paid.add(new PaidPool(period.toString(), pool.territory(), pool.tier(), pool.currency(),
                        new PoolPayout(pool.amount(), lines, 0)));
            }
        }
        Map<String, Statement> second = issue(world, next, paid);
        assertThat(second.get(world.publisher).lines()).anyMatch(line -> line.forPeriod().equals(period.toString())
                && line.amountMinor() < 0);

        assertAllMatch(replay(auditor(), Map.of("period", period.toString())), 2);
        JsonNode nextReplay = replay(admin(), Map.of("period", next.toString()));
        assertAllMatch(nextReplay, 2);
        assertThat(nextReplay.at("/result/totals/currencies/0/recomputedAmountMinor").asLong()).isEqualTo(700_000);
        JsonNode one = replay(auditor(), Map.of("period", next.toString(), "partyId", world.label));
        assertAllMatch(one, 1);
        assertThat(one.at("/result/statements/0/partyId").asText()).isEqualTo(world.label);
    }

    /** A period with plays, pools and issued statements; returns the index of trackA's first play. */
    private long issuedPeriod(World world, YearMonth period) {
        List<Played> plays = new ArrayList<>();
        long first = world.play(new Played("u1-" + world.id, world.trackA, at(period, 2, 10), "DK", Plan.PREMIUM),
                plays);
        world.play(new Played("u1-" + world.id, world.trackA, at(period, 3, 10), "DK", Plan.PREMIUM), plays);
        world.play(new Played("u2-" + world.id, world.trackB, at(period, 3, 10), "DK", Plan.PREMIUM), plays);
        List<DeclaredPool> pools = List.of(new DeclaredPool("DK", Plan.PREMIUM, 90_000, "DKK"));
        pools.forEach(p -> declare(period, p.territory(), p.tier(), p.amount(), p.currency()));
        close(period);
        issue(world, period, own(world, period, pools, plays));
        return first;
    }

    @Test
    void aTamperedRoyaltyRowLeavesTheReplayMatchingAndATamperedPlayEventIsShownAsTheDifferingLine() {
        YearMonth period = pastPeriod();
        World world = new World(at(period, 1, 0).minus(1, ChronoUnit.DAYS));
        long firstPlay = issuedPeriod(world, period);
        eventually(() -> assertThat(jdbc.queryForObject("select count(*) from royalty_usage where period = ?"
                + " and track_id = ?", Long.class, period.toString(), world.trackA)).isPositive());

        // the read model's rows are not what the replay reads
        assertThat(jdbc.update("update royalty_usage set streams = streams + 1000 where period = ? and track_id = ?",
                period.toString(), world.trackA)).isPositive();
        assertAllMatch(replay(auditor(), Map.of("period", period.toString())), 2);

        // the stored play is: one of trackA's two streams no longer counts
        assertThat(jdbc.update("""
                update domain_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"counted":true', '"counted":false'),
                                         'UTF8')
                where global_index = ?""", firstPlay)).isEqualTo(1);
        JsonNode job = replay(auditor(), Map.of("period", period.toString()));
        JsonNode publisher = null;
        for (JsonNode statement : job.at("/result/statements")) {
            assertThat(statement.get("match").asBoolean()).as(statement.toString()).isFalse();
            if (statement.get("partyId").asText().equals(world.publisher)) {
                publisher = statement;
            }
        }
        assertThat(job.at("/result/totals/mismatched").asInt()).isEqualTo(2);
        assertThat(publisher).isNotNull();
        assertThat(publisher.get("differingLineCount").asInt()).isEqualTo(1);
        JsonNode line = publisher.at("/differingLines/0");
        assertThat(line.get("trackId").asText()).isEqualTo(world.trackA);
        assertThat(line.get("issuedStreams").asLong()).isEqualTo(2);
        assertThat(line.get("recomputedStreams").asLong()).isEqualTo(1);
        // pool 90,000 over 3 streams then 2: trackA's publisher had 40 % of 60,000, now 40 % of 45,000
        assertThat(line.get("issuedAmountMinor").asLong()).isEqualTo(24_000);
        assertThat(line.get("recomputedAmountMinor").asLong()).isEqualTo(18_000);
    }

    @Test
    void anotherRulesVersionRunsAWhatIfWithoutAVerdict() {
        YearMonth period = pastPeriod();
        World world = new World(at(period, 1, 0).minus(1, ChronoUnit.DAYS));
        issuedPeriod(world, period);
        Instant latest = Instant.now();
        for (JsonNode rules : admin().get("/api/v1/admin/royalties/rules").json().get("items")) {
            Instant from = Instant.parse(rules.get("effectiveFrom").asText());
            latest = from.isAfter(latest) ? from : latest;
        }
        ApiClient.Response adopted = admin().post("/api/v1/admin/royalties/rules", Map.of("model", "USER_CENTRIC",
                "minTrackStreams", 0, "userDailyCap", 0, "artistMinStreams", 1_000, "artistMinListeners", 500,
                "artistWeight", 2, "soughtOutWeight", 2, "effectiveFrom",
                latest.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        int version = adopted.json().get("version").asInt();

        JsonNode job = replay(auditor(), Map.of("period", period.toString(), "rulesVersion", version));

        assertThat(job.get("whatIf").asBoolean()).isTrue();
        JsonNode result = job.get("result");
        assertThat(result.get("whatIf").asBoolean()).isTrue();
        assertThat(result.get("rulesVersion").asInt()).isEqualTo(version);
        assertThat(result.get("closedWithRulesVersion").asInt()).isEqualTo(1);
        assertThat(result.get("statements")).hasSize(2);
        for (JsonNode statement : result.get("statements")) {
            assertThat(statement.get("match").isNull()).as(statement.toString()).isTrue();
            // user-centric: u1 (trackA x2) and u2 (trackB x1) each bring half the pool, not 2/3 and 1/3
            assertThat(statement.get("differingLines")).isNotEmpty();
        }
        // the version the close recorded is no what-if
        JsonNode same = replay(auditor(), Map.of("period", period.toString(), "rulesVersion", 1));
        assertThat(same.get("whatIf").asBoolean()).isFalse();
        assertAllMatch(same, 2);
    }

    @Test
    void theCommandLineReplaysAgainstADatabaseAndExitsOneOnAMismatch() throws SQLException {
        YearMonth period = pastPeriod();
        World world = new World(at(period, 1, 0).minus(1, ChronoUnit.DAYS));
        long firstPlay = issuedPeriod(world, period);
        String url;
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            url = connection.getMetaData().getURL();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = AuditCli.run(new String[]{"--period=" + period, "--db-url=" + url}, new PrintStream(out),
                new PrintStream(err));

        System.out.print("RoyaltyReplayTest, make audit: " + out);
        assertThat(exit).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("MATCH\t" + world.label).contains("2 statements, 2 match, 0 mismatch");

        jdbc.update("""
                update domain_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"counted":true', '"counted":false'),
                                         'UTF8')
                where global_index = ?""", firstPlay);
        out.reset();
        assertThat(AuditCli.run(new String[]{"--period=" + period, "--db-url=" + url}, new PrintStream(out),
                new PrintStream(err))).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("MISMATCH\t" + world.publisher).contains(world.trackA);
        assertThat(AuditCli.run(new String[]{"--period=2026-13"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
    }

    @Test
    void onlyAuditorsAndAdminsReplay() {
        Map<String, Object> request = Map.of("period", "9999-12");
        String job = REPLAYS + "/" + UUID.randomUUID();
        for (ApiClient refused : List.of(newListener(), withRoles("ANALYST"))) {
            assertThat(refused.post(REPLAYS, request).status()).isEqualTo(403);
            assertThat(refused.get(job).status()).isEqualTo(403);
        }
        assertThat(anonymous.post(REPLAYS, request).status()).isEqualTo(401);
        assertThat(anonymous.get(job).status()).isEqualTo(401);
        assertThat(auditor().get(job).status()).isEqualTo(404);
    }

    @Test
    void badRequestsAreRefusedNamingWhatIsWrong() {
        ApiClient auditor = auditor();
        for (String period : new String[]{"2026-13", "abcd-ef", "2026-1"}) {
            assertProblem(auditor.post(REPLAYS, Map.of("period", period)), 400, "period: must be a month");
        }
        assertProblem(auditor.post(REPLAYS, Map.of()), 400, "period: is required");
        assertProblem(auditor.post(REPLAYS, Map.of("period", "1000-01", "rulesVersion", 999_999)), 400,
                "rulesVersion: no royalty rules version 999999");
        assertProblem(auditor.post(REPLAYS, Map.of("period", "1000-01", "partyId", "p".repeat(101))), 400,
                "partyId:");
        assertProblem(auditor.post(REPLAYS, Map.of("period", "9999-12")), 409, "period 9999-12 is not closed");
        assertProblem(auditor.get(REPLAYS + "/" + UUID.randomUUID()), 404, "no royalty replay");
        assertProblem(auditor.get(REPLAYS + "/not-a-job"), 404, "no royalty replay not-a-job");
    }
}
