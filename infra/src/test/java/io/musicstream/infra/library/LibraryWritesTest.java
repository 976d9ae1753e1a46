package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.infra.ApiClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Saves and removals: what changes nothing, what cannot be saved, and retries with an Idempotency-Key. */
class LibraryWritesTest extends LibraryIntegrationTest {

    @Test
    void savingWhatIsSavedOrRemovingWhatIsNotThereWritesNothing() {
        long first = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        ApiClient.Response again = listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null);
        assertThat(again.json().get("changed").asInt()).isZero();
        assertThat(again.json().get("syncToken").asLong()).isEqualTo(first);
        ApiClient.Response absent = listener.delete("/api/v1/me/library/albums/" + album);
        assertThat(write(absent)).isEqualTo(first);
        assertThat(absent.json().get("changed").asInt()).isZero();
        ApiClient.Response bulk = listener.put("/api/v1/me/library/tracks", Map.of("ids", tracks));
        assertThat(bulk.json().get("changed").asInt()).isEqualTo(2);
        ApiClient.Response bulkRemove = listener.delete("/api/v1/me/library/tracks?ids=" + String.join(",", tracks));
        assertThat(bulkRemove.json().get("changed").asInt()).isEqualTo(3);
    }

    @Test
    void cannotSaveWhatDoesNotExistOrCannotBePlayedInTheUsersCountry() {
        assertProblem(listener.put("/api/v1/me/library/tracks/no-such-track", null), 404, "no-such-track does not exist");
        assertProblem(listener.put("/api/v1/me/library/albums/no-such-album", null), 404, "no-such-album");
        assertProblem(listener.put("/api/v1/me/library/artists/no-such-artist", null), 404, "no-such-artist");
        assertProblem(listener.put("/api/v1/me/library/tracks/" + takenDown, null), 422, "taken down everywhere");
        assertProblem(listener.put("/api/v1/me/library/tracks/" + norwayOnly, null), 422, "not licensed in SE");
        assertProblem(listener.put("/api/v1/me/library/albums/" + goneAlbum, null), 422, "no track is available");
        // one bad id refuses the whole bulk request: nothing is saved
        ApiClient.Response mixed = listener.put("/api/v1/me/library/tracks",
                Map.of("ids", List.of(tracks.get(0), takenDown)));
        assertProblem(mixed, 422, "taken down");
        assertThat(listener.get("/api/v1/me/library/tracks").json().get("total").asLong()).isZero();
        // a Norwegian listener may save it
        ApiClient norwegian = newListener("NO");
        write(norwegian.put("/api/v1/me/library/tracks/" + norwayOnly, null));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerOnEveryLibraryWrite() {
        String t0 = "/api/v1/me/library/tracks/" + tracks.get(0);
        Map<String, Object> batch = Map.of("lastSyncToken", 0, "changes",
                List.of(offline("i-1", "save", "track", tracks.get(2), Instant.now())));
        // each write, then something that would make its retry answer differently were it run again
        assertReplayed("PUT", t0, null, () -> write(listener.delete(t0)));
        assertReplayed("DELETE", t0, null, () -> write(listener.put(t0, null)));
        assertReplayed("PUT", "/api/v1/me/library/tracks", Map.of("ids", tracks.subList(0, 2)),
                () -> write(listener.delete("/api/v1/me/library/tracks?ids=" + tracks.get(1))));
        assertReplayed("DELETE", "/api/v1/me/library/tracks?ids=" + tracks.get(0), null,
                () -> write(listener.put(t0, null)));
        assertReplayed("POST", "/api/v1/me/library/changes", batch,
                () -> write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(2))));
        // the retries wrote nothing: the library is as the in-between writes left it
        JsonNode library = listener.get("/api/v1/me/library/tracks?minToken=" + latestCommitted()).json();
        assertThat(library.get("total").asLong()).isEqualTo(1);
        assertThat(library.at("/items/0/itemId").asText()).isEqualTo(tracks.get(0));
    }

    /** Sends a write with a fresh key, runs {@code between}, and checks that a retry gets the first answer. */
    private void assertReplayed(String method, String path, Object body, Runnable between) {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response first = listener.send(method, path, body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        between.run();
        ApiClient.Response retry = listener.send(method, path, body, key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }
}
