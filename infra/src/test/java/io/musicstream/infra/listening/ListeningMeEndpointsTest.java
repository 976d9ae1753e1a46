package io.musicstream.infra.listening;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Recently played, heavy rotation and top items over HTTP: what a listener's plays show, to them alone. */
class ListeningMeEndpointsTest extends IntegrationTest {

    private Map<String, Object> play(Instant startedAt, long msPlayed, String playlistId) {
        Map<String, Object> play = new HashMap<>();
        play.put("playId", UUID.randomUUID().toString());
        play.put("trackId", playableTrack());
        play.put("startedAt", startedAt.toString());
        play.put("msPlayed", msPlayed);
        if (playlistId != null) {
            play.put("context", Map.of("type", "playlist", "id", playlistId));
        }
        return play;
    }

    private static void recorded(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void aCountedPlayShowsInHeavyRotationWithinTwoSeconds() throws InterruptedException {
        ApiClient listener = newListener();
        JsonNode track = listener.get("/api/v1/tracks/" + playableTrack()).json();
        String releaseId = track.at("/release/releaseId").asText();
        String artistId = track.at("/artists/0/artistId").asText();
        Instant startedAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);

        ApiClient.Response stored = listener.post("/api/v1/me/plays", play(startedAt, 200_000, "pl-heavy"));
        long storedAt = System.nanoTime();
        recorded(stored);
        assertThat(stored.json().get("counted").asBoolean()).isTrue();
        JsonNode rotation;
        while (true) {
            rotation = listener.get("/api/v1/me/heavy-rotation").json();
            if (rotation.get("items").size() == 3 || System.nanoTime() - storedAt > 2_000_000_000L) {
                break;
            }
            Thread.sleep(20);
        }
        long tookMs = (System.nanoTime() - storedAt) / 1_000_000;

        assertThat(rotation.get("items")).as("after %d ms: %s", tookMs, rotation).hasSize(3);
        assertThat(tookMs).isLessThan(2_000);
        assertThat(rotation.get("limit").asInt()).isEqualTo(20);
        Map<String, JsonNode> byType = new HashMap<>();
        rotation.get("items").forEach(item -> byType.put(item.get("type").asText(), item));
        assertThat(byType.get("album").get("id").asText()).isEqualTo(releaseId);
        assertThat(byType.get("album").get("name").asText()).isEqualTo("Playable");
        assertThat(byType.get("album").get("streams").asLong()).isEqualTo(1);
        assertThat(byType.get("album").get("score").asDouble()).isEqualTo(1.0);
        assertThat(byType.get("album").get("lastPlayedDay").asText())
                .isEqualTo(startedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        assertThat(byType.get("artist").get("id").asText()).isEqualTo(artistId);
        assertThat(byType.get("artist").get("name").asText()).isEqualTo("Playable");
        assertThat(byType.get("playlist").get("id").asText()).isEqualTo("pl-heavy");
        assertThat(listener.get("/api/v1/me/heavy-rotation?type=playlist").json().get("items")).hasSize(1);

        JsonNode recent = listener.get("/api/v1/me/player/recently-played").json();
        assertThat(recent.at("/items/0/track/title").asText()).isEqualTo("Playable Track");
        assertThat(recent.at("/items/0/played_at").asText()).isEqualTo(startedAt.toString());
        assertThat(recent.at("/items/0/context/type").asText()).isEqualTo("playlist");
        assertThat(recent.at("/items/0/context/id").asText()).isEqualTo("pl-heavy");
        assertThat(recent.at("/cursors/before").asText()).isEqualTo(Long.toString(startedAt.toEpochMilli()));
        assertThat(recent.get("next").isNull()).isTrue();

        for (String range : List.of("short_term", "medium_term", "long_term")) {
            JsonNode tracks = listener.get("/api/v1/me/top/tracks?range=" + range).json();
            assertThat(tracks.get("total").asLong()).as(range).isEqualTo(1);
            assertThat(tracks.at("/items/0/id").asText()).isEqualTo(playableTrack());
            assertThat(tracks.at("/items/0/streams").asLong()).isEqualTo(1);
            assertThat(tracks.at("/items/0/track/title").asText()).isEqualTo("Playable Track");
            JsonNode artists = listener.get("/api/v1/me/top/artists?range=" + range).json();
            assertThat(artists.at("/items/0/artist/name").asText()).as(range).isEqualTo("Playable");
        }
    }

    @Test
    void recentlyPlayedPagesBackwardsThroughNextAndLeavesOutShortPlays() {
        ApiClient listener = newListener();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            recorded(listener.post("/api/v1/me/plays", play(start.plusSeconds(i * 600L), 31_000, null)));
        }
        recorded(listener.post("/api/v1/me/plays", play(start.plusSeconds(3_000), 29_999, null)));

        eventually(() -> assertThat(listener.get("/api/v1/me/player/recently-played").json().get("items")).hasSize(3));
        JsonNode first = listener.get("/api/v1/me/player/recently-played?limit=2").json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.at("/items/0/played_at").asText()).isEqualTo(start.plusSeconds(1_200).toString());
        assertThat(first.at("/items/0/context").isNull()).isTrue();
        String next = first.get("next").asText();
        assertThat(next).contains("before=" + start.plusSeconds(600).toEpochMilli()).contains("limit=2");

        JsonNode second = listener.get(next.substring(next.indexOf("/api/"))).json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.at("/items/0/played_at").asText()).isEqualTo(start.toString());
        assertThat(second.get("next").isNull()).isTrue();
        JsonNode after = listener.get("/api/v1/me/player/recently-played?after=" + start.toEpochMilli()).json();
        assertThat(after.get("items")).hasSize(2);
    }

    @Test
    void oneListenerNeverSeesAnothersListening() {
        ApiClient ada = newListener();
        ApiClient bo = newListener();
        recorded(ada.post("/api/v1/me/plays", play(Instant.now().minusSeconds(600), 60_000, "pl-ada")));
        eventually(() -> assertThat(ada.get("/api/v1/me/player/recently-played").json().get("items")).hasSize(1));

        assertThat(bo.get("/api/v1/me/player/recently-played").json().get("items")).isEmpty();
        assertThat(bo.get("/api/v1/me/heavy-rotation").json().get("items")).isEmpty();
        assertThat(bo.get("/api/v1/me/top/tracks?range=long_term").json().get("items")).isEmpty();
        assertThat(bo.get("/api/v1/me/top/artists?range=long_term").json().get("total").asLong()).isZero();
    }

    @Test
    void onlySignedInUsersReadTheirListening() {
        for (String path : List.of("/api/v1/me/player/recently-played", "/api/v1/me/heavy-rotation",
                "/api/v1/me/top/tracks", "/api/v1/me/top/artists")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void badParametersAreProblemsThatNameTheParameter() {
        ApiClient listener = newListener();
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("/api/v1/me/player/recently-played?limit=0", "limit");
        bad.put("/api/v1/me/player/recently-played?limit=51", "limit");
        bad.put("/api/v1/me/player/recently-played?limit=-1", "limit");
        bad.put("/api/v1/me/player/recently-played?limit=ten", "limit");
        bad.put("/api/v1/me/player/recently-played?before=-5", "before");
        bad.put("/api/v1/me/player/recently-played?after=yesterday", "after");
        bad.put("/api/v1/me/player/recently-played?before=99999999999999999999", "before");
        bad.put("/api/v1/me/player/recently-played?before=1&after=2", "before and after");
        bad.put("/api/v1/me/heavy-rotation?limit=51", "limit");
        bad.put("/api/v1/me/heavy-rotation?type=song", "type");
        bad.put("/api/v1/me/heavy-rotation?type=album,,artist", "type");
        bad.put("/api/v1/me/top/tracks?range=forever", "range");
        bad.put("/api/v1/me/top/artists?limit=0", "limit");
        bad.put("/api/v1/me/top/artists?offset=-1", "offset");
        bad.put("/api/v1/me/top/artists?offset=x", "offset");
        bad.forEach((path, named) -> assertProblem(listener.get(path), 400, named));
        assertProblem(listener.get("/api/v1/me/top/songs"), 404, "tracks or artists");
    }
}
