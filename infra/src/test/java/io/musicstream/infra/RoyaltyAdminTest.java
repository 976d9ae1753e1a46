package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Admins adopt royalty rules and declare revenue pools over HTTP. Bad inputs tried: rules with a negative
 * minimum, a weight of 0, a start in the past, an unknown model, a missing field; pools with a period that is
 * not YYYY-MM (2026-13, 2026-1, one with a NUL), territory XX and "dk", currency XYZ, a changed currency,
 * amounts -1 and 10^15 + 1, an unknown tier, a missing field. Pools go to a random far period, so runs that
 * share a database never meet each other's currencies.
 */
class RoyaltyAdminTest extends IntegrationTest {

    private static Map<String, Object> rules(String model, long minTrackStreams, int artistWeight, Instant effectiveFrom) {
        Map<String, Object> body = new HashMap<>(Map.of("model", model, "minTrackStreams", minTrackStreams,
                "userDailyCap", 1_000, "artistMinStreams", 1_000, "artistMinListeners", 500,
                "artistWeight", artistWeight, "soughtOutWeight", 2));
        body.put("effectiveFrom", effectiveFrom.toString());
        return body;
    }

    private static Map<String, Object> pool(String period, String territory, String tier, long amount, String currency) {
        return Map.of("period", period, "territory", territory, "tier", tier, "amountMinor", amount,
                "currency", currency);
    }

    private static String farPeriod() {
        return "%04d-%02d".formatted(ThreadLocalRandom.current().nextInt(3000, 10_000),
                ThreadLocalRandom.current().nextInt(1, 13));
    }

    private JsonNode versions() {
        ApiClient.Response listed = admin().get("/api/v1/admin/royalties/rules");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().get("items");
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void anAdminAdoptsTheNextRulesVersionAndSeesItListed() {
        int before = versions().size();
        Instant effectiveFrom = soon();
        ApiClient.Response adopted = admin().post("/api/v1/admin/royalties/rules",
                rules("ARTIST_CENTRIC", 1_000, 2, effectiveFrom));

        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        int version = adopted.json().get("version").asInt();
        JsonNode items = versions();
        JsonNode latest = items.get(items.size() - 1);
        assertThat(items.size()).isEqualTo(before + 1);
        assertThat(latest.get("version").asInt()).isEqualTo(version).isEqualTo(before + 1);
        assertThat(latest.get("model").asText()).isEqualTo("ARTIST_CENTRIC");
        assertThat(latest.get("minTrackStreams").asLong()).isEqualTo(1_000);
        assertThat(Instant.parse(latest.get("effectiveFrom").asText())).isEqualTo(effectiveFrom);
        assertThat(latest.get("adoptedBy").asText()).isNotBlank();
    }

    @Test
    void versionOneIsListedThoughNeverAdopted() {
        JsonNode first = versions().get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("model").asText()).isEqualTo("PRO_RATA");
        assertThat(first.get("minTrackStreams").asLong()).isZero();
        assertThat(first.get("userDailyCap").asInt()).isZero();
        assertThat(first.get("artistMinStreams").asLong()).isEqualTo(1_000);
        assertThat(first.get("artistMinListeners").asLong()).isEqualTo(500);
        assertThat(first.get("effectiveFrom").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        Instant future = Instant.now().plus(1, ChronoUnit.DAYS);
        assertProblem(admin().post("/api/v1/admin/royalties/rules", rules("PRO_RATA", -1, 2, future)), 400,
                "minTrackStreams");
        assertProblem(admin().post("/api/v1/admin/royalties/rules", rules("PRO_RATA", 0, 0, future)), 400,
                "artistWeight");
        assertProblem(admin().post("/api/v1/admin/royalties/rules",
                rules("PRO_RATA", 0, 2, Instant.now().minus(1, ChronoUnit.HOURS))), 400, "effectiveFrom");
        assertProblem(admin().post("/api/v1/admin/royalties/rules", rules("FAIREST", 0, 2, future)), 400, "model");
        Map<String, Object> missing = rules("PRO_RATA", 0, 2, future);
        missing.remove("userDailyCap");
        assertProblem(admin().post("/api/v1/admin/royalties/rules", missing), 400, "userDailyCap");
    }

    @Test
    void anAdminDeclaresAPoolAndDeclaringItAgainReplacesTheAmount() {
        String period = farPeriod();
        ApiClient.Response declared = admin().post("/api/v1/admin/royalties/pools",
                pool(period, "DK", "PREMIUM", 1_000_000, "DKK"));

        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        assertThat(declared.json().get("period").asText()).isEqualTo(period);
        assertThat(declared.json().get("territory").asText()).isEqualTo("DK");
        assertThat(declared.json().get("tier").asText()).isEqualTo("PREMIUM");
        assertThat(declared.json().get("amountMinor").asLong()).isEqualTo(1_000_000);
        assertThat(declared.json().get("currency").asText()).isEqualTo("DKK");
        assertThat(declared.json().get("declaredBy").asText()).isNotBlank();
        assertThat(declared.json().get("declaredAt").asText()).isNotBlank();

        ApiClient.Response again = admin().post("/api/v1/admin/royalties/pools",
                pool(period, "DK", "PREMIUM", 900_000, "DKK"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("amountMinor").asLong()).isEqualTo(900_000);
        assertProblem(admin().post("/api/v1/admin/royalties/pools", pool(period, "DK", "PREMIUM", 1, "EUR")), 400,
                "currency: the DK PREMIUM pool of " + period + " is declared in DKK");
        assertThat(admin().post("/api/v1/admin/royalties/pools", pool(period, "DK", "FREE", 1, "EUR")).status())
                .as("another tier has its own currency").isEqualTo(201);
    }

    @Test
    void badPoolsAreRefusedNamingTheField() {
        String period = farPeriod();
        String url = "/api/v1/admin/royalties/pools";
        assertProblem(admin().post(url, pool("2026-13", "DK", "PREMIUM", 1, "DKK")), 400, "period");
        assertProblem(admin().post(url, pool("2026-1", "DK", "PREMIUM", 1, "DKK")), 400, "period");
        assertProblem(admin().post(url, pool("2026\u000011", "DK", "PREMIUM", 1, "DKK")), 400, "period");
        assertProblem(admin().post(url, pool(period, "XX", "PREMIUM", 1, "DKK")), 400, "territory");
        assertProblem(admin().post(url, pool(period, "dk", "PREMIUM", 1, "DKK")), 400, "territory");
        assertProblem(admin().post(url, pool(period, "DK", "PREMIUM", 1, "XYZ")), 400, "currency");
        assertProblem(admin().post(url, pool(period, "DK", "PREMIUM", -1, "DKK")), 400, "amountMinor");
        assertProblem(admin().post(url, pool(period, "DK", "PREMIUM", 1_000_000_000_000_001L, "DKK")), 400,
                "amountMinor");
        assertProblem(admin().post(url, pool(period, "DK", "PLATINUM", 1, "DKK")), 400, "tier");
        assertProblem(admin().post(url, Map.of("period", period, "territory", "DK", "tier", "FREE", "amountMinor", 1)),
                400, "currency");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndAdoptsNothingNew() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = rules("USER_CENTRIC", 0, 2, soon());
        ApiClient.Response first = admin().send("POST", "/api/v1/admin/royalties/rules", body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        int listed = versions().size();

        ApiClient.Response retry = admin().send("POST", "/api/v1/admin/royalties/rules", body, key);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(versions().size()).isEqualTo(listed);
    }

    @Test
    void aRetriedPoolDeclarationGetsTheFirstAnswer() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = pool(farPeriod(), "SE", "FREE", 42_00, "SEK");
        ApiClient.Response first = admin().send("POST", "/api/v1/admin/royalties/pools", body, key);
        ApiClient.Response retry = admin().send("POST", "/api/v1/admin/royalties/pools", body, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void onlyAdminsAdoptRulesOrDeclarePools() {
        ApiClient listener = newListener();
        assertThat(listener.post("/api/v1/admin/royalties/rules", rules("PRO_RATA", 0, 2, soon())).status())
                .isEqualTo(403);
        assertThat(listener.get("/api/v1/admin/royalties/rules").status()).isEqualTo(403);
        assertThat(listener.post("/api/v1/admin/royalties/pools", pool(farPeriod(), "DK", "FREE", 1, "DKK")).status())
                .isEqualTo(403);
        assertThat(anonymous.get("/api/v1/admin/royalties/rules").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/admin/royalties/pools", pool(farPeriod(), "DK", "FREE", 1, "DKK")).status())
                .isEqualTo(401);
    }
}
