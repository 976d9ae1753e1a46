package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad library, feed and offline-batch requests are 4xx problems that change nothing. */
class LibraryBadRequestsTest extends LibraryIntegrationTest {

    @Test
    void badLibraryAndFeedRequestsAre4xxProblemsAndChangeNothing() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(tracks.get(i % tracks.size()) + "-" + i);
        }
        String longId = "t".repeat(101);
        long issued = latestCommitted();
        // bulk writes: 51 ids, none, a blank one, an id over 100 characters; as body and as ?ids=
        assertProblem(listener.put("/api/v1/me/library/tracks", Map.of("ids", tooMany)), 400, "ids");
        assertProblem(listener.put("/api/v1/me/library/tracks", Map.of("ids", List.of())), 400, "ids");
        assertProblem(listener.put("/api/v1/me/library/tracks", Map.of("ids", List.of(" "))), 400, "ids");
        assertProblem(listener.put("/api/v1/me/library/tracks", Map.of("ids", List.of(longId))), 400, "ids");
        assertProblem(listener.put("/api/v1/me/library/tracks", "{\"ids\": \"" + tracks.get(0) + "\"}"), 400, "ids");
        assertProblem(listener.put("/api/v1/me/library/tracks", "{\"ids\": [\"" + tracks.get(0) + "\""), 400, "end-of-input");
        assertProblem(listener.delete("/api/v1/me/library/tracks"), 400, "ids");
        assertProblem(listener.delete("/api/v1/me/library/tracks?ids=" + String.join(",", tooMany)), 400, "ids");
        assertProblem(listener.delete("/api/v1/me/library/tracks?ids=" + tracks.get(0) + ",%20"), 400, "ids");
        assertProblem(listener.delete("/api/v1/me/library/tracks?ids=" + longId), 400, "ids");
        assertProblem(listener.send("DELETE", "/api/v1/me/library/tracks", Map.of("ids", tooMany), Map.of()), 400, "ids");
        // single writes: an id over 100 characters, a blank id, an unknown section
        assertProblem(listener.put("/api/v1/me/library/tracks/" + longId, null), 400, "id");
        assertProblem(listener.delete("/api/v1/me/library/albums/" + longId), 400, "id");
        assertProblem(listener.put("/api/v1/me/library/tracks/%20", null), 400, "id");
        assertProblem(listener.put("/api/v1/me/library/songs/x", null), 404, "no library section 'songs'");
        assertProblem(listener.get("/api/v1/me/library/songs"), 404, "no library section");
        // listing: limit out of range, negative offset, negative, malformed or never issued minToken
        assertProblem(listener.get("/api/v1/me/library/tracks?limit=0"), 400, "limit");
        assertProblem(listener.get("/api/v1/me/library/tracks?limit=501"), 400, "limit");
        assertProblem(listener.get("/api/v1/me/library/tracks?offset=-1"), 400, "offset");
        assertProblem(listener.get("/api/v1/me/library/tracks?minToken=-1"), 400, "minToken");
        assertProblem(listener.get("/api/v1/me/library/tracks?minToken=abc"), 400, "minToken");
        assertProblem(listener.get("/api/v1/me/library/tracks?minToken=" + (issued + 1_000_000)), 400, "never issued");
        // feed: negative or malformed tokens, limit out of range, tokens never issued, snapshot positions it never gave
        assertProblem(listener.get("/api/v1/me/sync?since=-1"), 400, "since");
        assertProblem(listener.get("/api/v1/me/sync?since=abc"), 400, "since");
        assertProblem(listener.get("/api/v1/me/sync?limit=0"), 400, "limit");
        assertProblem(listener.get("/api/v1/me/sync?limit=1001"), 400, "limit");
        assertProblem(listener.get("/api/v1/me/sync?since=9000000000000"), 400, "never issued");
        assertProblem(listener.get("/api/v1/me/sync?minToken=-5"), 400, "minToken");
        assertProblem(listener.get("/api/v1/me/sync?minToken=" + (issued + 1_000_000)), 400, "never issued");
        assertProblem(listener.get("/api/v1/me/sync?since=1&snapshotAfter=-1"), 400, "snapshotAfter");
        assertProblem(listener.get("/api/v1/me/sync?since=9000000000000&snapshotAfter=0"), 400, "never issued");
        assertProblem(listener.get("/api/v1/me/sync?since=0&snapshotAfter=5"), 400, "snapshotAfter 5 lies beyond");
        // offline batches: none, over 1,000 changes, unknown action or item type, missing fields, a lastSyncToken
        // negative or never issued, bad JSON
        assertProblem(listener.post("/api/v1/me/library/changes", Map.of("lastSyncToken", 0, "changes", List.of())),
                400, "changes");
        assertProblem(listener.post("/api/v1/me/library/changes", Map.of("lastSyncToken", 0, "changes", List.of(
                Map.of("clientChangeId", "c-1", "action", "like", "itemType", "track", "itemId", "x",
                        "clientTimestamp", "2026-11-22T10:00:00Z")))), 400, "must be save or remove");
        assertProblem(listener.post("/api/v1/me/library/changes", Map.of("lastSyncToken", 0, "changes", List.of(
                Map.of("clientChangeId", "c-1", "action", "save", "itemType", "song", "itemId", "x",
                        "clientTimestamp", "2026-11-22T10:00:00Z")))), 400, "must be track, album or artist");
        List<Map<String, Object>> tooManyChanges = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            tooManyChanges.add(offline("c-" + i, "save", "track", tracks.get(0), Instant.now()));
        }
        assertProblem(listener.post("/api/v1/me/library/changes", Map.of("lastSyncToken", 0,
                "changes", tooManyChanges)), 400, "changes");
        assertProblem(listener.post("/api/v1/me/library/changes", Map.of("lastSyncToken", issued + 1_000_000,
                "changes", List.of(offline("c-1", "remove", "track", tracks.get(0), Instant.now())))), 400, "never issued");
        assertProblem(listener.post("/api/v1/me/library/changes", Map.of("lastSyncToken", -1, "changes", List.of(
                offline("c-1", "save", "track", tracks.get(0), Instant.now())))), 400, "lastSyncToken");
        assertProblem(listener.post("/api/v1/me/library/changes", Map.of("lastSyncToken", 0, "changes", List.of(
                offline("c-1", "save", "track", tracks.get(0), Instant.now()), Map.of()))), 400, "changes[1]");
        assertProblem(listener.post("/api/v1/me/library/changes", "{\"lastSyncToken\": 0, \"changes\": [{"), 400, "end-of-input");
        assertProblem(listener.post("/api/v1/me/library/changes", "{\"changes\": [{\"clientChangeId\": \"c\"}]}"),
                400, "lastSyncToken");
        assertProblem(listener.post("/api/v1/me/library/changes",
                "{\"lastSyncToken\": 0, \"changes\": [{\"clientChangeId\": \"c\"}]}"), 400, "clientTimestamp");
        assertProblem(listener.put("/api/v1/me/country", Map.of("country", "XX")), 422, "ISO 3166-1");
        assertProblem(listener.put("/api/v1/me/country", Map.of("country", "sweden")), 400, "country");
        // none of it changed the library (read once the feed has caught up with every committed event)
        assertThat(changes(listener.get("/api/v1/me/sync?since=0&minToken=" + latestCommitted()).json())).isEmpty();
        assertThat(listener.get("/api/v1/me/library/tracks").json().get("total").asLong()).isZero();
    }
}
