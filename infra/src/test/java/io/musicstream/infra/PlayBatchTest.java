package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.ids.PlayIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A device that was offline reports its plays in one batch: each play is answered on its own (recorded,
 * duplicate or refused with the problem the single endpoint would give), and stored once.
 */
class PlayBatchTest extends IntegrationTest {

    private static final Instant START = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> play(String playId, String trackId, Instant startedAt, long msPlayed) {
        Map<String, Object> play = new HashMap<>();
        play.put("playId", playId);
        play.put("trackId", trackId);
        play.put("startedAt", startedAt.toString());
        play.put("msPlayed", msPlayed);
        play.put("offline", true);
        return play;
    }

    private long stored(String userId, String... playIds) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = any(?)")
                .param(Arrays.stream(playIds).map(id -> PlayIds.of(userId, id)).toArray(String[]::new))
                .query(Long.class).single();
    }

    @Test
    void eachPlayOfTheBatchIsAnsweredAndStoredOnce() {
        ApiClient listener = newListener();
        String userId = listener.get("/api/v1/me").json().get("userId").asText();
        List<Map<String, Object>> plays = List.of(
                play("p-1", playableTrack(), START, 183_000),
                play("p-2", "no-such-track", START.plusSeconds(200), 1_000),
                play("p-3", playableTrack(), START.plusSeconds(10), 183_000),
                play("p-4", playableTrack(), START.plusSeconds(400), 999_999_999),
                play("p-1", playableTrack(), START, 183_000),
                play("p\u0000", playableTrack(), START, 1_000));

        ApiClient.Response answer = listener.post("/api/v1/me/plays/batch", Map.of("plays", plays));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results).hasSize(6);
        assertThat(status(results)).containsExactly("recorded", "refused", "recorded", "refused", "duplicate",
                "refused");
        assertThat(results.get(0).get("counted").asBoolean()).isTrue();
        assertThat(results.get(2).get("counted").asBoolean()).as("10 s after a counted play").isFalse();
        assertThat(results.get(1).get("problem").get("status").asInt()).isEqualTo(404);
        assertThat(results.get(3).get("problem").get("status").asInt()).isEqualTo(400);
        assertThat(results.get(3).get("problem").get("detail").asText()).startsWith("msPlayed:");
        assertThat(results.get(5).get("problem").get("detail").asText())
                .contains("playId: must not contain control characters");
        assertThat(results.get(4).get("counted").asBoolean()).isTrue();
        assertThat(answer.json().get("recorded").asInt()).isEqualTo(2);
        assertThat(answer.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(answer.json().get("refused").asInt()).isEqualTo(3);
        assertThat(stored(userId, "p-1", "p-2", "p-3", "p-4")).isEqualTo(2);

        ApiClient.Response again = listener.post("/api/v1/me/plays/batch", Map.of("plays", plays.subList(0, 1)));
        assertThat(status(again.json().get("results"))).containsExactly("duplicate");
        assertThat(stored(userId, "p-1")).isEqualTo(1);
    }

    @Test
    void anEmptyOrOversizedBatchIsRefusedAsAWhole() {
        ApiClient listener = newListener();
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(play("p-" + i, playableTrack(), START.plusSeconds(i * 300L), 1_000));
        }
        assertThat(listener.post("/api/v1/me/plays/batch", Map.of("plays", List.of())).status()).isEqualTo(400);
        assertThat(listener.post("/api/v1/me/plays/batch", Map.of()).status()).isEqualTo(400);
        ApiClient.Response oversized = listener.post("/api/v1/me/plays/batch", Map.of("plays", tooMany));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().get("detail").asText()).contains("plays");
        String userId = listener.get("/api/v1/me").json().get("userId").asText();
        assertThat(stored(userId, "p-0", "p-500")).isZero();
    }

    private static List<String> status(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.get("status").asText()));
        return statuses;
    }
}
