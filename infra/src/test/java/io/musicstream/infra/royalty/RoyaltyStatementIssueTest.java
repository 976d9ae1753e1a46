package io.musicstream.infra.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.royalty.RoyaltyStatement;
import io.musicstream.command.royalty.StatementDigest;
import io.musicstream.events.account.Plan;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Closing a period issues its statements from the settled usage: the worked pro-rata example scaled down (DK
 * premium 10,000.00 DKK over A 6, B 3, C 1 streams, A held 60/40), then a play of that period stored after its
 * close, settled in the next period, whose statements carry the adjustment. The issuer replayed from the first
 * event issues nothing twice.
 *
 * <p>The play recorder takes plays of the last 30 days only and the server's clock is not the test's, so the
 * catalog delivery and the plays of a random month of years 1000-1999 are appended to the event store as the
 * recorder and the catalog would store them; pools and closes go through the admin API.
 */
class RoyaltyStatementIssueTest extends IntegrationTest {

    @Autowired
    EventStore events;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String labelX = "label-x-" + run;
    private final String publisherY = "publisher-y-" + run;
    private final String labelB = "label-b-" + run;
    private final String labelC = "label-c-" + run;
    private final String trackA = "A-" + run;
    private final String trackB = "B-" + run;
    private final String trackC = "C-" + run;

    @Test
    void aClosedPeriodsStatementsPayItsPoolAndALatePlayIsAdjustedInTheNextPeriod() {
        YearMonth first = YearMonth.of(ThreadLocalRandom.current().nextInt(1000, 2000),
                ThreadLocalRandom.current().nextInt(1, 12));
        YearMonth second = first.plusMonths(1);
        declare(first, 1_000_000);
        declare(second, 10_000);
        deliverCatalog(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(86_400));
        List<Object> plays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plays.add(play(trackA, first.atDay(3)));
        }
        for (int i = 0; i < 3; i++) {
            plays.add(play(trackB, first.atDay(4)));
        }
        plays.add(play(trackC, first.atDay(5)));
        store(plays.toArray());
        eventually(() -> assertThat(settled(first)).isEqualTo(10));

        close(first);

        String p1 = first.toString();
        eventually(() -> assertThat(statement(first, labelB)).isNotNull());
        assertThat(statement(first, labelX).lines()).containsExactly(line(trackA, p1, 6, 360_000));
        assertThat(statement(first, publisherY).lines()).containsExactly(line(trackA, p1, 6, 240_000));
        assertThat(statement(first, labelB).lines()).containsExactly(line(trackB, p1, 3, 300_000));
        assertThat(statement(first, labelC).lines()).containsExactly(line(trackC, p1, 1, 100_000));
        RoyaltyStatementIssued x = statement(first, labelX);
        assertThat(x.totals()).containsExactly(new CurrencyTotal("DKK", 360_000, 6));
        assertThat(StatementDigest.digest(x)).isEqualTo(x.digest());
        assertThat(StatementDigest.digest(x.period(), x.partyId(), x.lines(), x.totals())).isEqualTo(x.digest());

        // a play of the first month that came after its close, and one of the second month
        store(play(trackB, first.atDay(20)), play(trackC, second.atDay(2)));
        eventually(() -> assertThat(jdbc.sql("select settled_in from royalty_usage where period = ? and track_id = ?"
                + " and day = ?").params(p1, trackB, first.atDay(20)).query(String.class).list())
                .containsExactly(second.toString()));

        close(second);

        // the first month again, over A 6, B 4, C 1: A 545,455 (X 327,273, Y 218,182), B 363,636, C 90,909
        String p2 = second.toString();
        eventually(() -> assertThat(statement(second, labelC)).isNotNull());
        assertThat(statement(second, labelX).lines()).containsExactly(line(trackA, p1, 0, 327_273 - 360_000));
        assertThat(statement(second, publisherY).lines()).containsExactly(line(trackA, p1, 0, 218_182 - 240_000));
        assertThat(statement(second, labelB).lines()).containsExactly(line(trackB, p1, 1, 363_636 - 300_000));
        assertThat(statement(second, labelC).lines()).containsExactly(line(trackC, p1, 0, 90_909 - 100_000),
                line(trackC, p2, 1, 10_000));
        long adjustments = 0;
        for (String party : List.of(labelX, publisherY, labelB, labelC)) {
            RoyaltyStatementIssued statement = statement(second, party);
            assertThat(StatementDigest.digest(statement)).isEqualTo(statement.digest());
            adjustments += statement.lines().stream().filter(l -> l.forPeriod().equals(p1))
                    .mapToLong(StatementLine::amountMinor).sum();
        }
        assertThat(adjustments).isZero();

        // the issuer replayed from the first event sees every statement issued and issues none again
        ApiClient.Response replay = admin().post("/api/v1/admin/processors/royalty-issuer/replay", Map.of());
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        eventually(() -> assertThat(jdbc.sql("select count(*) from token_entry where processor_name = 'royalty-issuer'"
                        + " and token is not null and position('ReplayToken' in token_type) = 0")
                .query(Long.class).single()).isEqualTo(1L));
        for (YearMonth period : List.of(first, second)) {
            for (String party : List.of(labelX, publisherY, labelB, labelC)) {
                assertThat(issued(period, party)).as("%s %s", period, party).hasSize(1);
            }
        }

        // the auditor's replay recomputes, from the raw events by its own path, what the issuer issued
        for (YearMonth period : List.of(first, second)) {
            JsonNode result = auditReplay(period).get("result");
            assertThat(result.get("statements")).as(result.toString()).hasSize(4);
            for (JsonNode statement : result.get("statements")) {
                assertThat(statement.get("match").asBoolean()).as(statement.toString()).isTrue();
            }
        }
    }

    @Test
    void aUsageRowTamperedBeforeTheCloseIsReportedByTheAuditorsReplay() {
        YearMonth period = YearMonth.of(ThreadLocalRandom.current().nextInt(1000, 2000),
                ThreadLocalRandom.current().nextInt(1, 13));
        declare(period, 1_000_000);
        deliverCatalog(period.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(86_400));
        List<Object> plays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            plays.add(play(trackA, period.atDay(3)));
        }
        for (int i = 0; i < 3; i++) {
            plays.add(play(trackB, period.atDay(4)));
        }
        plays.add(play(trackC, period.atDay(5)));
        store(plays.toArray());
        eventually(() -> assertThat(settled(period)).isEqualTo(10));
        // a bug or a hand edit in the read model: B gains 10 streams no play gave it
        assertThat(jdbc.sql("update royalty_usage set streams = streams + 10 where period = ? and track_id = ?")
                .params(period.toString(), trackB).update()).isEqualTo(1);

        close(period);

        // issued from the tampered row: B 13 of 20 streams, so 650,000 instead of 300,000
        eventually(() -> assertThat(statement(period, labelB)).isNotNull());
        assertThat(statement(period, labelB).lines()).containsExactly(line(trackB, period.toString(), 13, 650_000));
        JsonNode result = auditReplay(period).get("result");
        assertThat(result.at("/totals/mismatched").asInt()).as(result.toString()).isEqualTo(4);
        JsonNode b = null;
        for (JsonNode statement : result.get("statements")) {
            assertThat(statement.get("match").asBoolean()).as(statement.toString()).isFalse();
            if (statement.get("partyId").asText().equals(labelB)) {
                b = statement;
            }
        }
        assertThat(b).isNotNull();
        JsonNode differing = b.at("/differingLines/0");
        assertThat(differing.get("trackId").asText()).isEqualTo(trackB);
        assertThat(differing.get("issuedStreams").asLong()).isEqualTo(13);
        assertThat(differing.get("recomputedStreams").asLong()).isEqualTo(3);
        assertThat(differing.get("issuedAmountMinor").asLong()).isEqualTo(650_000);
        assertThat(differing.get("recomputedAmountMinor").asLong()).isEqualTo(300_000);
    }

    private void declare(YearMonth period, long amountMinor) {
        ApiClient.Response declared = admin().post("/api/v1/admin/royalties/pools", Map.of("period",
                period.toString(), "territory", "DK", "tier", "PREMIUM", "amountMinor", amountMinor, "currency", "DKK"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    }

    private void close(YearMonth period) {
        ApiClient.Response closed = admin().post("/api/v1/admin/royalties/periods/" + period + "/close", Map.of());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    }

    private long settled(YearMonth period) {
        return jdbc.sql("select coalesce(sum(streams), 0) from royalty_usage where period = ? and track_id in (?, ?, ?)"
                + " and share_version > 0").params(period.toString(), trackA, trackB, trackC).query(Long.class).single();
    }

    private StatementLine line(String track, String forPeriod, long streams, long amount) {
        return new StatementLine(track, isrc(track), "DK", Plan.PREMIUM, forPeriod, streams, amount, "DKK");
    }

    private static String isrc(String track) {
        return "QZ" + track;
    }

    private void deliverCatalog(Instant at) {
        String artistId = admin().post("/api/v1/artists", Map.of("name", "Royalty " + run)).json().get("artistId")
                .asText();
        List<TrackSpec> tracks = List.of(
                track(trackA, artistId, 1, new RightsShare(labelX, "X", RightsRole.RECORDING_OWNER, 6_000),
                        new RightsShare(publisherY, "Y", RightsRole.PUBLISHER, 4_000)),
                track(trackB, artistId, 2, new RightsShare(labelB, "B", RightsRole.RECORDING_OWNER, 10_000)),
                track(trackC, artistId, 3, new RightsShare(labelC, "C", RightsRole.RECORDING_OWNER, 10_000)));
        String releaseId = "royalty-release-" + run;
        store(new ReleaseIngested(releaseId, "0000" + run.hashCode(), "Royalty " + run, ReleaseType.ALBUM,
                List.of(artistId), "Label", LocalDate.ofInstant(at, ZoneOffset.UTC), List.of("pop"), null, tracks, at));
    }

    private TrackSpec track(String trackId, String artistId, int number, RightsShare... holders) {
        return new TrackSpec(trackId, isrc(trackId), "Track " + trackId, 200_000, 1, number, false,
                List.of(artistId), null, List.of("WW"), List.of(holders));
    }

    private TrackPlayed play(String trackId, LocalDate day) {
        return new TrackPlayed(UUID.randomUUID().toString(), "listener-" + run, trackId,
                day.atTime(12, 0).toInstant(ZoneOffset.UTC), 200_000, "phone", "DK", "DK", "royalty-release-" + run,
                List.of(), null, new PlayContext(PlayContext.Type.ALBUM, null), false, true, 1, Plan.PREMIUM);
    }

    private void store(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(new GenericDomainEventMessage<>("RoyaltyTest", UUID.randomUUID().toString(), 0, payload));
        }
        events.publish(messages);
    }

    private List<RoyaltyStatementIssued> issued(YearMonth period, String party) {
        List<RoyaltyStatementIssued> found = new ArrayList<>();
        DomainEventStream stream = events.readEvents(RoyaltyStatement.id(period.toString(), party));
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof RoyaltyStatementIssued issued) {
                found.add(issued);
            }
        }
        return found;
    }

    private RoyaltyStatementIssued statement(YearMonth period, String party) {
        List<RoyaltyStatementIssued> found = issued(period, party);
        return found.isEmpty() ? null : found.get(0);
    }
}
