package io.musicstream.infra.royalty;

import static io.musicstream.infra.royalty.RoyaltyReaders.pastPeriod;
import static io.musicstream.infra.royalty.RoyaltyReaders.userWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.royalty.IssueStatement;
import io.musicstream.events.account.Plan;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.StatementLine;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/royalties/streams}: a track's plays in a past month (published as the catalog and the play
 * recorder would have, since the API only takes recent plays) reach the usage read model; streams show per day and
 * holder with no amount, and once the period is closed and a statement issued, the line's amount apportioned over
 * its days. Bad inputs tried: a missing or malformed period (2026-13, 2026-1), ids with control characters, an
 * unknown territory and tier, limits and offsets out of range; a listener and an anonymous caller.
 */
class RoyaltyAggregatesReadTest extends IntegrationTest {

    private static final String PATH = "/api/v1/royalties/streams";

    @Autowired
    EventGateway events;

    @Autowired
    CommandGateway commands;

    private record Track(String period, String trackId, String x, String y) {
    }

    /** A track held 60/40 by x and y, ingested at the period's start, streamed once a day on its first three days. */
    private Track streamedTrack() {
        String period = pastPeriod();
        YearMonth month = YearMonth.parse(period);
        String u = UUID.randomUUID().toString().substring(0, 8);
        String trackId = "agg-t-" + u;
        String releaseId = "agg-r-" + u;
        String x = "agg-x-" + u;
        String y = "agg-y-" + u;
        TrackSpec track = new TrackSpec(trackId, "QZAGG" + u.substring(0, 7), "Aggregated", 200_000, 1, 1, false,
                List.of("agg-a-" + u), null, List.of("WW"), List.of(
                new RightsShare(x, "X", RightsRole.RECORDING_OWNER, 6000),
                new RightsShare(y, "Y", RightsRole.PUBLISHER, 4000)));
        String upc = String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        events.publish(new ReleaseIngested(releaseId, upc, "Aggregated", ReleaseType.ALBUM, List.of("agg-a-" + u),
                "Label", month.atDay(1), List.of("pop"), null, List.of(track),
                month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        for (int day = 1; day <= 3; day++) {
            Instant start = month.atDay(day).atTime(10, 0).toInstant(ZoneOffset.UTC);
            events.publish(new TrackPlayed(UUID.randomUUID().toString(), "agg-u-" + u, trackId, start, 200_000,
                    "phone", "DK", "DK", releaseId, List.of("agg-a-" + u), null,
                    new PlayContext(PlayContext.Type.ALBUM, releaseId), false, true, 1, Plan.PREMIUM));
        }
        return new Track(period, trackId, x, y);
    }

    private static List<String> rows(JsonNode page) {
        return page.get("rows").valueStream().map(r -> String.join(" ", text(r, "day"), text(r, "partyId"),
                text(r, "territory"), text(r, "tier"), text(r, "streams"), text(r, "amountMinor"),
                text(r, "currency"))).toList();
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? "null" : value.asText();
    }

    @Test
    void streamsShowPerDayAndHolderAndTheStatementsAmountIsApportionedOverTheDays() {
        Track track = streamedTrack();
        ApiClient analyst = userWith(anonymous, admin(), "ANALYST");
        String query = PATH + "?period=" + track.period() + "&trackId=" + track.trackId();
        String first = track.period() + "-01";
        String second = track.period() + "-02";
        String third = track.period() + "-03";

        eventually(() -> assertThat(rows(analyst.get(query).json())).containsExactly(
                first + " " + track.x() + " DK PREMIUM 1 null null", first + " " + track.y() + " DK PREMIUM 1 null null",
                second + " " + track.x() + " DK PREMIUM 1 null null",
                second + " " + track.y() + " DK PREMIUM 1 null null",
                third + " " + track.x() + " DK PREMIUM 1 null null",
                third + " " + track.y() + " DK PREMIUM 1 null null"));

        assertThat(admin().send("POST", "/api/v1/admin/royalties/periods/" + track.period() + "/close", null,
                Map.of()).status()).isEqualTo(200);
        commands.sendAndWait(new IssueStatement(track.period(), track.x(), List.of(new StatementLine(track.trackId(),
                "QZAGG0000001", "DK", Plan.PREMIUM, track.period(), 3, 100, "DKK")), Instant.now()));

        ApiClient auditor = userWith(anonymous, admin(), "AUDITOR");
        eventually(() -> assertThat(rows(auditor.get(query + "&partyId=" + track.x()).json())).containsExactly(
                first + " " + track.x() + " DK PREMIUM 1 34 DKK", second + " " + track.x() + " DK PREMIUM 1 33 DKK",
                third + " " + track.x() + " DK PREMIUM 1 33 DKK"));
        JsonNode page = analyst.get(query + "&partyId=" + track.y() + "&territory=DK&tier=PREMIUM&limit=2&offset=1")
                .json();
        assertThat(rows(page)).containsExactly(second + " " + track.y() + " DK PREMIUM 1 0 null",
                third + " " + track.y() + " DK PREMIUM 1 0 null");
        assertThat(page.get("period").asText()).isEqualTo(track.period());
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.at("/rows/0/trackId").asText()).isEqualTo(track.trackId());

        ApiClient.Response csv = auditor.get(query, "text/csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", ".csv");
        assertThat(csv.body().split("\r\n")).containsExactly(
                "day,trackId,partyId,territory,tier,streams,amountMinor,currency",
                first + "," + track.trackId() + "," + track.x() + ",DK,PREMIUM,1,34,DKK",
                first + "," + track.trackId() + "," + track.y() + ",DK,PREMIUM,1,0,",
                second + "," + track.trackId() + "," + track.x() + ",DK,PREMIUM,1,33,DKK",
                second + "," + track.trackId() + "," + track.y() + ",DK,PREMIUM,1,0,",
                third + "," + track.trackId() + "," + track.x() + ",DK,PREMIUM,1,33,DKK",
                third + "," + track.trackId() + "," + track.y() + ",DK,PREMIUM,1,0,");
        assertThat(LocalDate.parse(first)).isNotNull();
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        ApiClient analyst = userWith(anonymous, admin(), "ANALYST");
        Map<String, String> cases = Map.ofEntries(
                Map.entry("", "period is required"),
                Map.entry("?period=2026-13", "period must be a month written YYYY-MM"),
                Map.entry("?period=2026-1", "period must be a month written YYYY-MM"),
                Map.entry("?period=2026-11&trackId=a%01b", "trackId must not hold control characters"),
                Map.entry("?period=2026-11&partyId=a%0Ab", "partyId must not hold control characters"),
                Map.entry("?period=2026-11&partyId=" + "p".repeat(101), "partyId must be at most 100 characters"),
                Map.entry("?period=2026-11&territory=dk", "territory must be"),
                Map.entry("?period=2026-11&territory=ZZ", "territory must be"),
                Map.entry("?period=2026-11&tier=GOLD", "tier must be FREE or PREMIUM"),
                Map.entry("?period=2026-11&limit=0", "limit must be between 1 and 1000"),
                Map.entry("?period=2026-11&limit=1001", "limit must be between 1 and 1000"),
                Map.entry("?period=2026-11&offset=-1", "offset must be between 0 and 1000000"),
                Map.entry("?period=2026-11&limit=ten", "limit"));
        cases.forEach((query, detail) -> assertProblem(analyst.get(PATH + query), 400, detail));
        assertProblem(analyst.get(PATH + "?period=2026-13", "text/csv"), 400, "period must be");
        assertThat(analyst.get(PATH + "?period=1000-01&territory=XX").status()).isEqualTo(200);
    }

    @Test
    void analystsAuditorsAndAdminsMayReadTheAggregates() {
        String query = PATH + "?period=1000-01";
        assertProblem(newListener().get(query), 403, "roles");
        assertProblem(newListener().get(query, "text/csv"), 403, "roles");
        assertThat(anonymous.get(query).status()).isEqualTo(401);
        for (String role : List.of("ANALYST", "AUDITOR")) {
            ApiClient reader = userWith(anonymous, admin(), role);
            assertThat(reader.get(query).status()).isEqualTo(200);
            assertThat(reader.get(query, "text/csv").status()).isEqualTo(200);
        }
        assertThat(admin().get(query).contentType()).startsWith("application/json");
        assertThat(admin().get(query, "*/*").contentType()).startsWith("application/json");
        assertThat(admin().get(query, "image/png").status()).isEqualTo(406);
    }
}
