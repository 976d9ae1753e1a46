package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.ids.PlayIds;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.infra.kafka.KafkaConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Issue 14's findings replayed one after another against one running service, which must go on serving
 * everyone: another user's change reaches the sync feed within seconds, the next Kafka play is recorded,
 * and an event no projection can store (as an old store may hold) is dead-lettered, listed and retryable.
 * The single cases, field by field, are in InputBoundaryTest, PlayEventsDeadLetterTest and
 * SyncDeadLetterTest.
 */
class PoisonInputTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void afterEveryPoisonInputTheServiceGoesOnForEveryone() throws Exception {
        ApiClient attacker = newListener();
        ApiClient other = newListener();
        ApiClient admin = admin();
        String track = playableTrack();

        // 1. a NUL in an offline change id, and other control characters in the library's text fields
        for (String bad : List.of("x\u0000y", "x\u0001y", "x\u007fy", "x\u0085y", "x\u009fy")) {
            ApiClient.Response offline = attacker.post("/api/v1/me/library/changes", Map.of("lastSyncToken", 0,
                    "changes", List.of(Map.of("clientChangeId", bad, "action", "save", "itemType", "track",
                            "itemId", track, "clientTimestamp", Instant.now().toString()))));
            assertProblem(offline, 400, "clientChangeId");
        }

        // 2. a 300-character play id on Kafka, then a valid play under the same key (same partition)
        String user = "u-" + UUID.randomUUID();
        String key = "poison-" + UUID.randomUUID();
        String valid = "valid-" + UUID.randomUUID();
        kafka.send(KafkaConfig.PLAY_EVENTS, key, kafkaPlay("p".repeat(300), user, track)).get();
        kafka.send(KafkaConfig.PLAY_EVENTS, key, kafkaPlay(valid, user, track)).get();

        // 3. a curator's 40 KB genre
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Poison")).json().get("artistId").asText();
        Map<String, Object> release = new HashMap<>(Releases.release("0055" + String.format("%08d",
                (int) (Math.random() * 99_999_999)), "Poison", artistId,
                List.of(Releases.track("GBUM71029605", "Poison", 1))));
        release.put("genres", List.of("g".repeat(40 * 1024)));
        assertProblem(admin.post("/api/v1/releases", release), 400, "genres[0]");

        // 4. the same play id from two users: both plays are stored
        String shared = "shared-" + UUID.randomUUID();
        assertThat(attacker.post("/api/v1/me/plays", httpPlay(shared, track)).status()).isEqualTo(201);
        assertThat(other.post("/api/v1/me/plays", httpPlay(shared, track)).status()).isEqualTo(201);

        // 5. deep search offsets
        assertProblem(attacker.get("/api/v1/search?q=a&type=track&limit=50&offset=90"), 400, "at most 100");

        // 6. an event the library projection cannot store, appended as an old store would hold it
        String attackerId = attacker.get("/api/v1/me").json().get("userId").asText();
        long poison = StoredEvents.append(jdbc, "Library", "poison-test:" + UUID.randomUUID(),
                new ItemSavedToLibrary(attackerId, LibraryItemType.TRACK, "bad\u0000item", Instant.now(), null));

        // the service goes on: the other user's change is served by the feed within seconds
        ApiClient.Response saved = other.put("/api/v1/me/library/tracks/" + track, null);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        long token = saved.json().get("syncToken").asLong();
        assertThat(token).isGreaterThan(poison);
        long start = System.nanoTime();
        eventually(() -> assertThat(other.get("/api/v1/me/sync?since=0&minToken=" + token).status()).isEqualTo(200));
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).as("seconds until served").isLessThan(10);

        // the next Kafka play is recorded
        eventually(() -> assertThat(jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                PlayIds.of(user, valid))).isEqualTo(1L));

        // the dead letter is listed and can be retried (it fails again: the event itself is bad)
        String letters = "/api/v1/admin/processors/library-sync/dead-letters";
        String sequence = "library:" + attackerId;
        eventually(() -> assertThat(admin.get(letters + "?sequenceId=" + sequence).status()).isEqualTo(200));
        assertThat(admin.get(letters + "?sequenceId=" + sequence).json().at("/letters/0/globalIndex").asLong())
                .isEqualTo(poison);
        assertThat(admin.post(letters + "/" + sequence + "/retry", null).json().get("failed").toString())
                .contains(sequence);
        assertThat(admin.get(letters + "?sequenceId=" + sequence).json().at("/letters/0/retries").asLong())
                .isEqualTo(1);

        // and health says the stream runs
        eventually(() -> {
            ApiClient.Response health = admin.get("/actuator/health");
            assertThat(health.json().at("/components/sync/status").asText()).isEqualTo("UP");
            assertThat(health.json().at("/components/processors/status").asText()).isEqualTo("UP");
        });
    }

    private static Map<String, Object> httpPlay(String playId, String track) {
        return Map.of("playId", playId, "trackId", track, "startedAt", Instant.now().minusSeconds(200).toString(),
                "msPlayed", 183_000, "deviceId", "phone");
    }

    private static String kafkaPlay(String playId, String userId, String trackId) {
        return ApiClient.json(Map.of("playId", playId, "userId", userId, "trackId", trackId,
                "startedAt", Instant.now().minusSeconds(200).toString(), "msPlayed", 183000, "territory", "SE"));
    }
}
