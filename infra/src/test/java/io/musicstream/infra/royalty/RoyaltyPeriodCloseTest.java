package io.musicstream.infra.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Admins close a royalty period over HTTP. Bad inputs tried: periods that are not YYYY-MM in the path (2026-13,
 * 2026-1, 2026-11-01, abcd-ef, 26-11), a period that has not ended (the current month, a far future one), a
 * period closed twice, a pool declared for a closed period; a listener and an anonymous caller. Closed periods
 * are random months of years 1000-1999, so runs that share a database rarely meet each other's.
 */
class RoyaltyPeriodCloseTest extends IntegrationTest {

    private static String pastPeriod() {
        return "%04d-%02d".formatted(ThreadLocalRandom.current().nextInt(1000, 2000),
                ThreadLocalRandom.current().nextInt(1, 13));
    }

    private static String url(String period) {
        return "/api/v1/admin/royalties/periods/" + period + "/close";
    }

    private ApiClient.Response close(ApiClient client, String period) {
        return client.send("POST", url(period), null, Map.of());
    }

    /** The version the rules listing says is in force at the period's last instant; version 1 before any. */
    private int versionDeciding(String period) {
        Instant end = YearMonth.parse(period).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        int version = 1;
        for (JsonNode rules : admin().get("/api/v1/admin/royalties/rules").json().get("items")) {
            if (Instant.parse(rules.get("effectiveFrom").asText()).isBefore(end)) {
                version = rules.get("version").asInt();
            }
        }
        return version;
    }

    @Test
    void anAdminClosesAnEndedPeriodUnderTheRulesInForceAtItsEnd() {
        String period = pastPeriod();
        assertThat(admin().post("/api/v1/admin/royalties/pools", Map.of("period", period, "territory", "DK",
                "tier", "PREMIUM", "amountMinor", 1_000_000, "currency", "DKK")).status()).isEqualTo(201);
        Instant before = Instant.now();

        ApiClient.Response closed = close(admin(), period);

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("period").asText()).isEqualTo(period);
        assertThat(closed.json().get("rulesVersion").asInt()).isEqualTo(versionDeciding(period)).isEqualTo(1);
        assertThat(Instant.parse(closed.json().get("closedAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));
    }

    @Test
    void aPeriodWithNoPoolCloses() {
        ApiClient.Response closed = close(admin(), pastPeriod());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    }

    @Test
    void aClosedPeriodIsNotClosedAgainAndTakesNoMorePools() {
        String period = pastPeriod();
        assertThat(close(admin(), period).status()).isEqualTo(200);

        assertProblem(close(admin(), period), 409, "period " + period + " is already closed");
        assertProblem(admin().post("/api/v1/admin/royalties/pools", Map.of("period", period, "territory", "DK",
                "tier", "FREE", "amountMinor", 1, "currency", "DKK")), 409, "period " + period + " is closed");
    }

    @Test
    void aPeriodThatHasNotEndedIsRefused() {
        String current = YearMonth.now(ZoneOffset.UTC).toString();
        assertProblem(close(admin(), current), 409, "period " + current + " has not ended");
        assertProblem(close(admin(), "9999-12"), 409, "period 9999-12 has not ended");
    }

    @Test
    void aPeriodThatIsNotAMonthIsRefusedNamingIt() {
        for (String period : new String[]{"2026-13", "2026-1", "2026-11-01", "abcd-ef", "26-11"}) {
            assertProblem(close(admin(), period), 400, "period: must be a month written YYYY-MM");
        }
    }

    @Test
    void aRetriedCloseWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String period = pastPeriod();
        ApiClient.Response first = admin().send("POST", url(period), null, key);
        ApiClient.Response retry = admin().send("POST", url(period), null, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void onlyAdminsClosePeriods() {
        assertThat(close(newListener(), pastPeriod()).status()).isEqualTo(403);
        assertThat(close(anonymous, pastPeriod()).status()).isEqualTo(401);
    }
}
