package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.PushStream;
import io.musicstream.infra.Releases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the tests of the library and its sync feed over HTTP against the real servers: each test gets a
 * fresh listener in Sweden and a catalog to save from.
 */
abstract class LibraryIntegrationTest extends IntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient admin;
    protected ApiClient listener;
    protected String artist;
    protected String album;
    /** Three tracks of {@link #album}, available everywhere. */
    protected List<String> tracks;
    /** A track of {@link #album} licensed in Norway only. */
    protected String norwayOnly;
    /** A track taken down everywhere, the only one of {@link #goneAlbum}. */
    protected String takenDown;
    protected String goneAlbum;

    @BeforeEach
    void catalog() {
        admin = admin();
        listener = newListener("SE");
        artist = admin.post("/api/v1/artists", Map.of("name", "Library Band")).json().get("artistId").asText();
        String upc = "8" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Map<String, Object> nordic = Releases.track(isrc(), "Only In Norway", 4);
        nordic.put("territories", List.of("NO"));
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc, "Shelf Life", artist,
                List.of(Releases.track(isrc(), "One", 1), Releases.track(isrc(), "Two", 2),
                        Releases.track(isrc(), "Three", 3), nordic)));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        album = release.json().get("releaseId").asText();
        List<String> ids = new ArrayList<>();
        release.json().get("tracks").forEach(t -> ids.add(t.get("trackId").asText()));
        tracks = ids.subList(0, 3);
        norwayOnly = ids.get(3);
        ApiClient.Response another = admin.post("/api/v1/releases", Releases.release(
                "7" + upc.substring(1), "Gone", artist, List.of(Releases.track(isrc(), "Pulled", 1))));
        takenDown = another.json().at("/tracks/0/trackId").asText();
        goneAlbum = another.json().get("releaseId").asText();
        assertThat(admin.post("/api/v1/releases/" + another.json().get("releaseId").asText() + "/tracks/" + takenDown
                + "/takedown", Map.of("reason", "rights")).status()).isEqualTo(200);
        // the catalog read model that saves are checked against is a projection: wait for it
        eventually(() -> assertThat(listener.get("/api/v1/tracks/" + takenDown).json().at("/takedown/everywhere")
                .asBoolean()).isTrue());
        eventually(() -> assertThat(listener.get("/api/v1/albums/" + album).status()).isEqualTo(200));
    }

    private static String isrc() {
        return "SELIB" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    protected static long write(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("syncToken").asLong();
    }

    /** The highest global index committed so far: as a {@code minToken}, a read that sees every write before it. */
    protected long latestCommitted() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    protected static List<String> changes(JsonNode page) {
        List<String> changes = new ArrayList<>();
        page.get("changes").forEach(c -> changes.add(c.get("kind").asText() + " " + c.get("itemType").asText() + " "
                + c.get("itemId").asText()));
        return changes;
    }

    protected static Map<String, Object> offline(String id, String action, String type, String itemId, Instant at) {
        return Map.of("clientChangeId", id, "action", action, "itemType", type, "itemId", itemId,
                "clientTimestamp", at.toString());
    }

    /** The data lines of {@code sync} events from a server-sent event stream, read in the background. */
    protected BlockingQueue<String> listen(String bearer) {
        return PushStream.listen(port, bearer).events();
    }
}
