package io.musicstream.infra.royalty;

import static io.musicstream.infra.royalty.RoyaltyReaders.pastPeriod;
import static io.musicstream.infra.royalty.RoyaltyReaders.userWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.royalty.IssueStatement;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.StatementLine;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Statements issued by command read back over HTTP: a period's list by party id with digests, one statement as
 * JSON (whose digest recomputes from its fields), CSV and the DDEX DSR-style flat file; auditors and admins only.
 * Bad inputs tried: periods that are not YYYY-MM (2026-13, 2026-1, abcd-ef), a partyId and an {@code after} with
 * control characters, limits out of range (0, 1001, ten), unknown Accept types (image/png, application/xml), and
 * a statement never issued (404, whatever the Accept); a listener, an analyst and an anonymous caller.
 */
class RoyaltyStatementReadTest extends IntegrationTest {

    private static final String DSR = "application/vnd.ddex.dsr+tsv";
    private static final Instant ISSUED_AT = Instant.parse("2026-12-04T03:00:00Z");

    @Autowired
    CommandGateway commands;

    private static String url(String period) {
        return "/api/v1/royalties/periods/" + period + "/statements";
    }

    private static StatementLine line(String trackId, String isrc, String territory, Plan tier, String forPeriod,
                                      long streams, long amountMinor, String currency) {
        return new StatementLine(trackId, isrc, territory, tier, forPeriod, streams, amountMinor, currency);
    }

    /** Closes the period (as statements are issued from closed periods), issues the statement, waits to read it. */
    private String issue(String period, String partyId, List<StatementLine> lines) {
        int closed = admin().send("POST", "/api/v1/admin/royalties/periods/" + period + "/close", null, Map.of())
                .status();
        assertThat(closed).isIn(200, 409);
        String digest = commands.sendAndWait(new IssueStatement(period, partyId, lines, ISSUED_AT));
        eventually(() -> assertThat(admin().get(url(period) + "/" + partyId).status()).isEqualTo(200));
        return digest;
    }

    private record Issued(String period, String partyId, String digest, String a, String b, String c) {
    }

    /** A holder's statement: track A in DK premium with an adjustment and in SE free, B in DK premium, C in DK free. */
    private Issued labelStatement() {
        String period = pastPeriod();
        String earlier = YearMonth.parse(period).minusMonths(1).toString();
        String u = UUID.randomUUID().toString().substring(0, 8);
        String partyId = "label-" + u;
        String a = "trk-A-" + u;
        String b = "trk,\"B-" + u;
        String c = "trk-C-" + u;
        String digest = issue(period, partyId, List.of(
                line(a, "DKA019900001", "DK", Plan.PREMIUM, period, 600, 360_000, "DKK"),
                line(c, "DKC019900003", "DK", Plan.FREE, period, 5, 50, "DKK"),
                line(a, "DKA019900001", "SE", Plan.FREE, period, 10, 7, "SEK"),
                line(a, "DKA019900001", "DK", Plan.PREMIUM, earlier, 2, -15, "DKK"),
                line(b, "DKB019900002", "DK", Plan.PREMIUM, period, 300, 300_000, "DKK")));
        return new Issued(period, partyId, digest, a, b, c);
    }

    @Test
    void aStatementReadsAsJsonInCanonicalOrderAndItsDigestRecomputesFromIt() throws Exception {
        Issued issued = labelStatement();

        ApiClient.Response answer = userWith(anonymous, admin(), "AUDITOR")
                .get(url(issued.period()) + "/" + issued.partyId());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode statement = answer.json();
        assertThat(statement.get("period").asText()).isEqualTo(issued.period());
        assertThat(statement.get("partyId").asText()).isEqualTo(issued.partyId());
        assertThat(statement.get("digest").asText()).isEqualTo(issued.digest());
        assertThat(Instant.parse(statement.get("issuedAt").asText())).isEqualTo(ISSUED_AT);
        assertThat(statement.get("lines").valueStream().map(l -> l.get("trackId").asText() + " "
                + l.get("territory").asText() + " " + l.get("forPeriod").asText()).toList()).containsExactly(
                issued.b() + " DK " + issued.period(),
                issued.a() + " DK " + YearMonth.parse(issued.period()).minusMonths(1),
                issued.a() + " DK " + issued.period(),
                issued.a() + " SE " + issued.period(),
                issued.c() + " DK " + issued.period());
        assertThat(statement.get("totals").valueStream().map(t -> t.get("currency").asText() + " "
                + t.get("amountMinor").asLong() + " " + t.get("streams").asLong()).toList())
                .containsExactly("DKK 660035 907", "SEK 7 10");
        assertThat(sha256(canonical(statement))).isEqualTo(issued.digest());
    }

    @Test
    void aStatementReadsAsCsvOfItsLinesWithAHeader() {
        Issued issued = labelStatement();

        ApiClient.Response csv = admin().get(url(issued.period()) + "/" + issued.partyId(), "text/csv");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", ".csv");
        String period = issued.period();
        String earlier = YearMonth.parse(period).minusMonths(1).toString();
        assertThat(csv.body().split("\r\n")).containsExactly(
                "trackId,isrc,territory,tier,forPeriod,streams,amountMinor,currency",
                "\"" + issued.b().replace("\"", "\"\"") + "\",DKB019900002,DK,PREMIUM," + period + ",300,300000,DKK",
                issued.a() + ",DKA019900001,DK,PREMIUM," + earlier + ",2,-15,DKK",
                issued.a() + ",DKA019900001,DK,PREMIUM," + period + ",600,360000,DKK",
                issued.a() + ",DKA019900001,SE,FREE," + period + ",10,7,SEK",
                issued.c() + ",DKC019900003,DK,FREE," + period + ",5,50,DKK");
    }

    @Test
    void aStatementReadsAsADsrFlatFileWithHeaderSummariesUsagesAndFooter() {
        Issued issued = labelStatement();
        YearMonth period = YearMonth.parse(issued.period());

        ApiClient.Response dsr = userWith(anonymous, admin(), "AUDITOR")
                .get(url(issued.period()) + "/" + issued.partyId(), DSR);

        assertThat(dsr.status()).as(dsr.toString()).isEqualTo(200);
        assertThat(dsr.contentType()).startsWith(DSR);
        assertThat(dsr.body()).endsWith("\n");
        assertThat(dsr.body().split("\n")).containsExactly(
                String.join("\t", "HEAD", "dsrf-subset/1", "BasicAudioProfile", "musicstream-1",
                        issued.digest().substring(0, 16), "2026-12-04T03:00:00Z", "1", "1",
                        period.atDay(1).toString(), period.atEndOfMonth().toString(), "musicstream", issued.partyId()),
                String.join("\t", "SY01", "1", "OnDemandStream", "DK", "DKK", "907", "6600.35"),
                String.join("\t", "SY01", "2", "OnDemandStream", "SE", "SEK", "10", "0.07"),
                String.join("\t", "SU02", "1", "1", "DKA019900001", "SubscriptionModel", "OnDemandStream", "DK",
                        "602", "3599.85", "DKK"),
                String.join("\t", "SU02", "1", "2", "DKB019900002", "SubscriptionModel", "OnDemandStream", "DK",
                        "300", "3000.00", "DKK"),
                String.join("\t", "SU02", "1", "3", "DKC019900003", "AdvertisementSupportedModel", "OnDemandStream",
                        "DK", "5", "0.50", "DKK"),
                String.join("\t", "SU02", "2", "4", "DKA019900001", "AdvertisementSupportedModel", "OnDemandStream",
                        "SE", "10", "0.07", "SEK"),
                String.join("\t", "FOOT", "8", "2", "4"));
    }

    @Test
    void thePeriodsStatementsListByPartyIdWithDigestsAndTotalsAPageAtATime() {
        String period = pastPeriod();
        String u = UUID.randomUUID().toString().substring(0, 8);
        List<String> digests = List.of("p3-", "p1-", "p2-").stream().map(p -> issue(period, p + u, List.of(
                line("t-" + u, "QZT000000001", "NO", Plan.PREMIUM, period, 4, 400, "NOK")))).toList();
        ApiClient auditor = userWith(anonymous, admin(), "AUDITOR");

        JsonNode first = auditor.get(url(period) + "?limit=2").json();
        JsonNode second = auditor.get(url(period) + "?limit=2&after=" + first.get("next").asText()).json();

        assertThat(first.get("items").valueStream().map(i -> i.get("partyId").asText()).toList())
                .containsExactly("p1-" + u, "p2-" + u);
        assertThat(first.get("next").asText()).isEqualTo("p2-" + u);
        assertThat(first.at("/items/0/digest").asText()).isEqualTo(digests.get(1));
        assertThat(Instant.parse(first.at("/items/0/issuedAt").asText())).isEqualTo(ISSUED_AT);
        assertThat(first.at("/items/0/totals/0/currency").asText()).isEqualTo("NOK");
        assertThat(first.at("/items/0/totals/0/amountMinor").asLong()).isEqualTo(400);
        assertThat(first.at("/items/0/totals/0/streams").asLong()).isEqualTo(4);
        assertThat(second.get("items").valueStream().map(i -> i.get("partyId").asText()).toList())
                .containsExactly("p3-" + u);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(auditor.get(url("0999-01")).json().get("items")).isEmpty();
    }

    @Test
    void onlyAuditorsAndAdminsReadStatements() {
        Issued issued = labelStatement();
        String one = url(issued.period()) + "/" + issued.partyId();

        for (ApiClient refused : List.of(newListener(), userWith(anonymous, admin(), "ANALYST"))) {
            assertProblem(refused.get(url(issued.period())), 403, "roles");
            assertProblem(refused.get(one), 403, "roles");
            assertProblem(refused.get(one, "text/csv"), 403, "roles");
            assertProblem(refused.get(one, DSR), 403, "roles");
        }
        assertThat(anonymous.get(url(issued.period())).status()).isEqualTo(401);
        assertThat(anonymous.get(one).status()).isEqualTo(401);
        assertThat(userWith(anonymous, admin(), "AUDITOR").get(one).status()).isEqualTo(200);
        assertThat(admin().get(one, DSR).status()).isEqualTo(200);
    }

    @Test
    void badInputsAreProblemsNamingTheParameter() {
        ApiClient auditor = userWith(anonymous, admin(), "AUDITOR");
        for (String period : List.of("2026-13", "2026-1", "abcd-ef")) {
            assertProblem(auditor.get(url(period)), 400, "period must be a month written YYYY-MM");
            assertProblem(auditor.get(url(period) + "/label"), 400, "period must be a month written YYYY-MM");
            assertProblem(auditor.get(url(period) + "/label", "text/csv"), 400, "period must be");
        }
        assertProblem(auditor.get(url("2026-11") + "/a%01b"), 400, "partyId must not hold control characters");
        assertProblem(auditor.get(url("2026-11") + "?after=a%07b"), 400, "after must not hold control characters");
        for (String limit : List.of("0", "1001")) {
            assertProblem(auditor.get(url("2026-11") + "?limit=" + limit), 400, "limit must be between 1 and 1000");
        }
        assertProblem(auditor.get(url("2026-11") + "?limit=ten"), 400, "limit");
        for (String accept : List.of("text/csv", DSR, "application/json")) {
            assertProblem(auditor.get(url("2026-11") + "/no-such-party", accept), 404,
                    "no statement was issued for party no-such-party in period 2026-11");
        }
    }

    @Test
    void anAcceptTypeNoAnswerHasIsRefused() {
        Issued issued = labelStatement();
        for (String accept : List.of("image/png", "application/xml")) {
            ApiClient.Response answer = admin().get(url(issued.period()) + "/" + issued.partyId(), accept);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(406);
            assertThat(answer.body()).doesNotContain("Exception");
        }
        assertThat(admin().get(url(issued.period()) + "/" + issued.partyId(), "*/*").contentType())
                .startsWith("application/json");
        assertThat(admin().get(url(issued.period()), "image/png").status()).isEqualTo(406);
    }

    /** The canonical form of docs/royalties.md, from the JSON statement's fields. */
    private static String canonical(JsonNode statement) {
        StringBuilder text = new StringBuilder("statement\t" + statement.get("period").asText() + "\t"
                + statement.get("partyId").asText() + "\n");
        for (JsonNode l : statement.get("lines")) {
            text.append(String.join("\t", l.get("trackId").asText(), l.get("isrc").asText(),
                    l.get("territory").asText(), l.get("tier").asText(), l.get("forPeriod").asText(),
                    l.get("streams").asText(), l.get("amountMinor").asText(), l.get("currency").asText())).append('\n');
        }
        for (JsonNode t : statement.get("totals")) {
            text.append(String.join("\t", "total", t.get("currency").asText(), t.get("streams").asText(),
                    t.get("amountMinor").asText())).append('\n');
        }
        return text.toString();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
