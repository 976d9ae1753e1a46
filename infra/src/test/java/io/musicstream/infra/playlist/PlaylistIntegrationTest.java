package io.musicstream.infra.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.Releases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Base of the playlist tests over HTTP against the real servers: each test gets a fresh owner in Sweden, and a
 * catalog of three playable tracks, one licensed in Norway only and one taken down.
 */
abstract class PlaylistIntegrationTest extends IntegrationTest {

    protected ApiClient owner;
    protected String ownerId;
    /** Three tracks available everywhere. */
    protected List<String> tracks;
    protected String norwayOnly;
    protected String takenDown;

    @BeforeEach
    void catalog() {
        ApiClient admin = admin();
        owner = newListener("SE");
        ownerId = userId(owner);
        String artist = admin.post("/api/v1/artists", Map.of("name", "Playlist Band")).json().get("artistId").asText();
        String upc = "6" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Map<String, Object> nordic = Releases.track(isrc(), "Fjord", 4);
        nordic.put("territories", List.of("NO"));
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc, "Mixtape", artist,
                List.of(Releases.track(isrc(), "Alpha", 1), Releases.track(isrc(), "Beta", 2),
                        Releases.track(isrc(), "Gamma", 3), nordic, Releases.track(isrc(), "Pulled", 5))));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        release.json().get("tracks").forEach(t -> ids.add(t.get("trackId").asText()));
        tracks = ids.subList(0, 3);
        norwayOnly = ids.get(3);
        takenDown = ids.get(4);
        assertThat(admin.post("/api/v1/releases/" + release.json().get("releaseId").asText() + "/tracks/" + takenDown
                + "/takedown", Map.of("reason", "rights")).status()).isEqualTo(200);
        // track ids are checked against the catalog read model, a projection: wait for it
        eventually(() -> assertThat(owner.get("/api/v1/tracks/" + takenDown).json().at("/takedown/everywhere")
                .asBoolean()).isTrue());
    }

    private static String isrc() {
        return "SEPLY" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    protected static String userId(ApiClient client) {
        return client.get("/api/v1/me").json().get("userId").asText();
    }

    /** Creates a playlist of {@link #owner}; its id. */
    protected String create(boolean isPublic, boolean collaborative) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Road trip");
        body.put("public", isPublic);
        body.put("collaborative", collaborative);
        ApiClient.Response created = owner.post("/api/v1/me/playlists", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("snapshotId").asText()).isEqualTo("1");
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/v1/playlists/" + id);
        return id;
    }

    /** The snapshotId a write answered, after checking its status. */
    protected static String snapshot(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json().get("snapshotId").asText();
    }

    /** The playlist's track ids in order, read once the read model has {@code minSnapshot}. */
    protected static List<String> trackIds(ApiClient client, String playlistId, String minSnapshot) {
        JsonNode page = client.get("/api/v1/playlists/" + playlistId + "/items?minSnapshot=" + minSnapshot).json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("trackId").asText()));
        return ids;
    }

    protected static List<String> itemIds(ApiClient client, String playlistId, String minSnapshot) {
        JsonNode page = client.get("/api/v1/playlists/" + playlistId + "/items?minSnapshot=" + minSnapshot).json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("itemId").asText()));
        return ids;
    }
}
