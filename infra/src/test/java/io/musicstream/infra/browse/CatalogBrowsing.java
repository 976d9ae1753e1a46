package io.musicstream.infra.browse;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.Releases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the catalog browsing tests, over HTTP against the real servers: an admin ingests releases, which
 * become artist, album and track pages, new releases and genres through the catalog-browse projection, and a
 * freshly registered listener browses them.
 */
abstract class CatalogBrowsing extends IntegrationTest {

    ApiClient admin;
    ApiClient listener;

    @BeforeEach
    void clients() {
        ApiClient.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", ADMIN, "password", ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        admin = anonymous.withToken(login.json().get("token").asText());
        listener = newListener();
    }

    record Ingested(String releaseId, String upc, Map<String, String> trackIdsByIsrc) {
        String trackId(String isrc) {
            return trackIdsByIsrc.get(isrc);
        }
    }

    String artist(String name) {
        ApiClient.Response response = admin.post("/api/v1/artists", Map.of("name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("artistId").asText();
    }

    static Map<String, Object> track(String isrc, String title, int disc, int number) {
        Map<String, Object> track = Releases.track(isrc, title, number);
        track.put("discNumber", disc);
        return track;
    }

    Ingested ingest(String artistId, String title, String releaseDate, List<String> genres,
                    List<Map<String, Object>> tracks) {
        String upc = "9" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Map<String, Object> release = Releases.release(upc, title, artistId, tracks);
        release.put("releaseDate", releaseDate);
        release.put("genres", genres);
        release.put("artworkUrl", "https://img.example/" + upc + ".jpg");
        ApiClient.Response response = admin.post("/api/v1/releases", release);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, String> trackIds = new LinkedHashMap<>();
        response.json().get("tracks").forEach(t -> trackIds.put(t.get("isrc").asText(), t.get("trackId").asText()));
        return new Ingested(response.json().get("releaseId").asText(), upc, trackIds);
    }

    void play(String trackId, int times) {
        // plays are checked against the browse read model, which follows the events; a minute apart, each
        // counts as a stream (a repeat within 30 s would not)
        eventually(() -> assertThat(listener.get("/api/v1/tracks/" + trackId).status()).isEqualTo(200));
        for (int i = 0; i < times; i++) {
            ApiClient.Response response = listener.post("/api/v1/me/plays", Map.of("playId", UUID.randomUUID().toString(),
                    "trackId", trackId, "startedAt", Instant.now().minusSeconds(60L * i).toString(), "msPlayed", 180_000));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
    }

    ApiClient.Response takeDown(String releaseId, String trackId, List<String> territories, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("territories", territories);
        body.put("reason", reason);
        return admin.post("/api/v1/releases/" + releaseId + "/tracks/" + trackId + "/takedown", body);
    }

    ApiClient.Response restore(String releaseId, String trackId, List<String> territories) {
        return admin.post("/api/v1/releases/" + releaseId + "/tracks/" + trackId + "/restore",
                territories == null ? Map.of() : Map.of("territories", territories));
    }

    /** {@code available} of the album's tracks in order, asked for {@code territory} (or none). */
    List<String> availability(Ingested release, String territory) {
        ApiClient.Response page = listener.get("/api/v1/albums/" + release.releaseId()
                + (territory == null ? "" : "?territory=" + territory));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return field(page.json().get("tracks"), "available");
    }

    List<JsonNode> allNewReleases() {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 50) {
            JsonNode page = listener.get("/api/v1/browse/new-releases?limit=50&offset=" + offset).json();
            page.get("items").forEach(all::add);
            if (page.get("items").size() < 50) {
                return all;
            }
        }
    }

    static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(name).asText()));
        return values;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
