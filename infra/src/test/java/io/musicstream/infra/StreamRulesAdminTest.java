package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Admins adopt stream rules over HTTP; plays that start once they are in force carry their version. The rules
 * adopted here keep version 1's thresholds, so that other tests' plays count as before.
 */
class StreamRulesAdminTest extends IntegrationTest {

    private static Map<String, Object> rules(long minMsPlayed, long windowSeconds, Instant effectiveFrom) {
        return Map.of("minMsPlayed", minMsPlayed, "repeatWindowSeconds", windowSeconds,
                "effectiveFrom", effectiveFrom.toString());
    }

    private JsonNode latest() {
        JsonNode items = admin().get("/api/v1/admin/stream-rules").json().get("items");
        return items.get(items.size() - 1);
    }

    @Test
    void anAdminAdoptsTheNextVersionAndPlaysFromThenOnCarryIt() {
        int before = latest().get("version").asInt();
        Instant effectiveFrom = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        ApiClient.Response adopted = admin().post("/api/v1/admin/stream-rules", rules(30_000, 30, effectiveFrom));

        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        assertThat(adopted.json().get("version").asInt()).isEqualTo(before + 1);
        JsonNode listed = latest();
        assertThat(listed.get("version").asInt()).isEqualTo(before + 1);
        assertThat(listed.get("repeatWindowSeconds").asLong()).isEqualTo(30);
        assertThat(Instant.parse(listed.get("effectiveFrom").asText())).isEqualTo(effectiveFrom);
        assertThat(listed.get("adoptedBy").asText()).isNotBlank();

        ApiClient listener = newListener();
        Map<String, Object> play = new HashMap<>(Map.of("playId", UUID.randomUUID().toString(),
                "trackId", playableTrack(), "startedAt", effectiveFrom.plusSeconds(1).toString(), "msPlayed", 40_000));
        ApiClient.Response recorded = listener.post("/api/v1/me/plays", play);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().get("ruleVersion").asInt()).isEqualTo(before + 1);
        play.put("playId", UUID.randomUUID().toString());
        play.put("startedAt", effectiveFrom.minusSeconds(60).toString());
        assertThat(listener.post("/api/v1/me/plays", play).json().get("ruleVersion").asInt()).isLessThanOrEqualTo(before);
    }

    @Test
    void versionOneIsListedThoughNeverAdopted() {
        JsonNode first = admin().get("/api/v1/admin/stream-rules").json().get("items").get(0);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("minMsPlayed").asLong()).isEqualTo(30_000);
        assertThat(first.get("repeatWindowSeconds").asLong()).isEqualTo(30);
        assertThat(first.get("effectiveFrom").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void rulesThatWouldChangeThePastAreRefusedNamingTheField() {
        ApiClient.Response response = admin().post("/api/v1/admin/stream-rules",
                rules(30_000, 30, Instant.now().minus(1, ChronoUnit.HOURS)));
        assertProblem(response, 400, "effectiveFrom");
        ApiClient.Response negative = admin().post("/api/v1/admin/stream-rules",
                rules(-1, 30, Instant.now().plus(1, ChronoUnit.DAYS)));
        assertProblem(negative, 400, "minMsPlayed");
    }

    @Test
    void onlyAdminsAdoptOrListRules() {
        ApiClient listener = newListener();
        assertThat(listener.post("/api/v1/admin/stream-rules", rules(30_000, 30, Instant.now().plusSeconds(60)))
                .status()).isEqualTo(403);
        assertThat(listener.get("/api/v1/admin/stream-rules").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v1/admin/stream-rules").status()).isEqualTo(401);
    }
}
