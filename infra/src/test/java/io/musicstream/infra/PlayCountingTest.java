package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.ids.PlayIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plays over HTTP are counted once, when recorded: the answer and the stored event carry the decision, a
 * duplicate gets the first report's, and a refused or duplicate report leaves the counted streams unchanged.
 */
class PlayCountingTest extends IntegrationTest {

    private static final Instant START = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> play(String playId, Instant startedAt, long msPlayed) {
        Map<String, Object> play = new HashMap<>();
        play.put("playId", playId);
        play.put("trackId", playableTrack());
        play.put("startedAt", startedAt.toString());
        play.put("msPlayed", msPlayed);
        return play;
    }

    private String userId(ApiClient listener) {
        return listener.get("/api/v1/me").json().get("userId").asText();
    }

    private String storedPayload(String userId, String playId) {
        return jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?")
                .param(PlayIds.of(userId, playId)).query(String.class).single();
    }

    private List<Instant> lastCounted(String userId) {
        return jdbc.sql("select last_counted_start from counted_stream where user_id = ? and track_id = ?")
                .params(userId, playableTrack())
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }

    @Test
    void theAnswerShowsWhetherThePlayCountedAndUnderWhichRules() {
        ApiClient listener = newListener();
        ApiClient.Response longEnough = listener.post("/api/v1/me/plays", play("p-1", START, 30_000));
        ApiClient.Response tooShort = listener.post("/api/v1/me/plays", play("p-2", START.plusSeconds(60), 29_900));

        assertThat(longEnough.status()).as(longEnough.toString()).isEqualTo(201);
        assertThat(longEnough.json().get("counted").asBoolean()).isTrue();
        assertThat(longEnough.json().get("ruleVersion").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(tooShort.status()).as(tooShort.toString()).isEqualTo(201);
        assertThat(tooShort.json().get("counted").asBoolean()).isFalse();
    }

    @Test
    void aReplayWithinThirtySecondsOfACountedPlayIsNotCountedAgain() {
        ApiClient listener = newListener();
        assertThat(listener.post("/api/v1/me/plays", play("p-1", START, 183_000)).json().get("counted").asBoolean())
                .isTrue();
        assertThat(listener.post("/api/v1/me/plays", play("p-2", START.plusSeconds(29), 183_000)).json()
                .get("counted").asBoolean()).isFalse();
        assertThat(listener.post("/api/v1/me/plays", play("p-3", START.plusSeconds(30), 183_000)).json()
                .get("counted").asBoolean()).isTrue();
        assertThat(lastCounted(userId(listener))).containsExactly(START.plusSeconds(30));
    }

    @Test
    void aDuplicateGetsTheFirstDecisionAndLeavesTheCountedStreamsUnchanged() {
        ApiClient listener = newListener();
        String userId = userId(listener);
        listener.post("/api/v1/me/plays", play("p-1", START, 183_000));
        ApiClient.Response again = listener.post("/api/v1/me/plays", play("p-1", START.plusSeconds(120), 183_000));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("counted").asBoolean()).isTrue();
        assertThat(lastCounted(userId)).containsExactly(START);
    }

    @Test
    void aRefusedPlayLeavesTheCountedStreamsUnchanged() {
        ApiClient listener = newListener();
        Map<String, Object> refused = play("p-1", START, 500_000);
        assertThat(listener.post("/api/v1/me/plays", refused).status()).isEqualTo(400);
        assertThat(lastCounted(userId(listener))).isEmpty();
    }

    @Test
    void theEndReasonContextAndOfflineFlagAreStoredWithThePlay() {
        ApiClient listener = newListener();
        Map<String, Object> play = play("p-1", START, 183_000);
        play.put("endReason", "SKIPPED");
        play.put("context", Map.of("type", "PLAYLIST", "id", "pl-1"));
        play.put("offline", true);
        ApiClient.Response response = listener.post("/api/v1/me/plays", play);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(storedPayload(userId(listener), "p-1"))
                .contains("\"endReason\":\"SKIPPED\"", "\"type\":\"PLAYLIST\"", "\"id\":\"pl-1\"",
                        "\"offline\":true", "\"counted\":true");
    }

    @Test
    void unknownEndReasonsContextsAndOverlongIdsAreRefusedNamingTheField() {
        ApiClient listener = newListener();
        Map<String, Map<String, Object>> spoilt = new java.util.LinkedHashMap<>();
        spoilt.put("endReason", Map.of("endReason", "EXPLODED"));
        spoilt.put("context.type", Map.of("context", Map.of("type", "CAR")));
        spoilt.put("context.id", Map.of("context", Map.of("type", "ALBUM", "id", "a".repeat(101))));
        spoilt.put("context.id ", Map.of("context", Map.of("type", "ALBUM", "id", "a\u0000b")));
        spoilt.forEach((field, fields) -> {
            Map<String, Object> play = play(UUID.randomUUID().toString(), START, 183_000);
            play.putAll(fields);
            ApiClient.Response response = listener.post("/api/v1/me/plays", play);
            assertProblem(response, 400, field.strip());
        });
        assertThat(lastCounted(userId(listener))).isEmpty();
    }

    @Test
    void theSamePlayIdFromTwoUsersCountsForBoth() {
        String playId = UUID.randomUUID().toString();
        assertThat(newListener().post("/api/v1/me/plays", play(playId, START, 183_000)).json().get("counted")
                .asBoolean()).isTrue();
        assertThat(newListener().post("/api/v1/me/plays", play(playId, START, 183_000)).json().get("counted")
                .asBoolean()).isTrue();
    }
}
