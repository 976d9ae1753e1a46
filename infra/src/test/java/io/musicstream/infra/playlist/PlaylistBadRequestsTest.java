package io.musicstream.infra.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad playlist requests are 4xx problems that change nothing. */
class PlaylistBadRequestsTest extends PlaylistIntegrationTest {

    @Test
    void badPlaylistRequestsAre4xxProblemsAndChangeNothing() {
        String id = create(false, false);
        String items = "/api/v1/playlists/" + id + "/items";
        String s2 = snapshot(owner.post(items, Map.of("trackIds", tracks)), 201);
        String longId = "p".repeat(101);

        // ids: over 100 characters, control characters, in paths and bodies
        assertProblem(owner.get("/api/v1/playlists/" + longId), 400, "id");
        assertProblem(owner.get("/api/v1/playlists/a%01b/items"), 400, "control characters");
        assertProblem(owner.post("/api/v1/playlists/" + longId + "/items", Map.of("trackIds", tracks)), 400, "id");
        assertProblem(owner.post("/api/v1/playlists/a%01b/items", Map.of("trackIds", tracks)), 400, "control");
        assertProblem(owner.delete("/api/v1/playlists/a%00b"), 400, "id");
        assertProblem(owner.post(items, Map.of("trackIds", List.of("t\u0001x"))), 400, "trackIds");
        assertProblem(owner.post(items, Map.of("trackIds", List.of("t".repeat(101)))), 400, "trackIds");
        assertProblem(owner.post("/api/v1/playlists/" + id + "/invitations", Map.of("userId", "u\u0000")), 400, "userId");
        // names with control characters, or blank, or too long
        assertProblem(owner.post("/api/v1/me/playlists", Map.of("name", "Bad\u0007name")), 400, "name");
        assertProblem(owner.post("/api/v1/me/playlists", Map.of("name", " ")), 400, "name");
        assertProblem(owner.put("/api/v1/playlists/" + id, Map.of("name", "x".repeat(501))), 400, "name");
        assertProblem(owner.put("/api/v1/playlists/" + id, Map.of("description", "a\u0085b")), 400, "description");
        // 101 tracks in one add; 10,001 items in a replace; none at all
        List<String> many = new ArrayList<>(Collections.nCopies(101, tracks.get(0)));
        assertProblem(owner.post(items, Map.of("trackIds", many)), 400, "trackIds");
        assertProblem(owner.send("PUT", items, Map.of("trackIds", Collections.nCopies(10_001, tracks.get(0))),
                Map.of()), 400, "trackIds");
        assertProblem(owner.post(items, Map.of("trackIds", List.of())), 400, "trackIds");
        // unknown tracks: nothing is added, not even the known ones
        assertProblem(owner.post(items, Map.of("trackIds", List.of(tracks.get(0), "no-such-track"))), 422,
                "no-such-track");
        assertProblem(owner.send("PUT", items, Map.of("trackIds", List.of("no-such-track")), Map.of()), 422,
                "no-such-track");
        // positions out of range, negative, both trackIds and positions, a move that names half a range
        assertProblem(owner.post(items, Map.of("trackIds", tracks, "position", 4)), 422, "out of range");
        assertProblem(owner.post(items, Map.of("trackIds", tracks, "position", -1)), 400, "position");
        assertProblem(owner.send("DELETE", items, Map.of("positions", List.of(3)), Map.of()), 422, "3");
        assertProblem(owner.send("DELETE", items, Map.of("positions", List.of(0), "trackIds", tracks), Map.of()), 400,
                "either");
        assertProblem(owner.send("PUT", items, Map.of("rangeStart", 2, "insertBefore", 9), Map.of()), 422,
                "must lie within");
        assertProblem(owner.send("PUT", items, Map.of("rangeStart", 2), Map.of()), 400, "insertBefore");
        assertProblem(owner.send("PUT", items, Map.of("rangeStart", 0, "insertBefore", 2, "trackIds", tracks),
                Map.of()), 400, "either");
        // stale or unknown snapshotId: a 409 naming the current one
        ApiClient.Response unknown = owner.send("DELETE", items, Map.of("positions", List.of(0), "snapshotId", "99"),
                Map.of());
        assertProblem(unknown, 409, "unknown snapshotId");
        assertThat(unknown.json().get("currentSnapshotId").asText()).isEqualTo(s2);
        // not JSON, wrong types, unknown fields, bad parameters
        assertProblem(owner.postRaw(items, "trackIds=a", "application/x-www-form-urlencoded"), 415, "");
        assertProblem(owner.postRaw(items, "{\"trackIds\": [", "application/json"), 400, "");
        assertProblem(owner.post(items, "{\"trackIds\": \"" + tracks.get(0) + "\"}"), 400, "trackIds");
        assertProblem(owner.post(items, Map.of("trackIds", tracks, "position", "first")), 400, "position");
        assertProblem(owner.post("/api/v1/me/playlists", Map.of("name", "x", "public", "very")), 400, "public");
        assertProblem(owner.get(items + "?limit=0"), 400, "limit");
        assertProblem(owner.get(items + "?limit=101"), 400, "limit");
        assertProblem(owner.get(items + "?offset=-1"), 400, "offset");
        assertProblem(owner.get(items + "?minSnapshot=abc"), 400, "minSnapshot");
        assertProblem(owner.get(items + "?minSnapshot=0"), 400, "minSnapshot");
        assertProblem(owner.get(items + "?minSnapshot=99"), 400, "never issued");
        assertProblem(owner.get("/api/v1/playlists/no-such-playlist?minSnapshot=1"), 404, "no-such-playlist");
        assertProblem(owner.get("/api/v1/playlists/" + id + "/changes"), 400, "sinceSnapshot");
        assertProblem(owner.get("/api/v1/playlists/" + id + "/changes?sinceSnapshot=x"), 400, "sinceSnapshot");
        assertProblem(owner.get("/api/v1/me/playlists?limit=1000"), 400, "limit");
        // unknown playlists and invitations
        assertProblem(owner.get("/api/v1/playlists/no-such-playlist"), 404, "no-such-playlist");
        assertProblem(owner.post("/api/v1/playlists/no-such-playlist/items", Map.of("trackIds", tracks)), 404, "");
        assertProblem(owner.post("/api/v1/playlists/" + id + "/invitations/no-such/accept", null), 404, "no-such");

        // nothing changed
        assertThat(owner.get("/api/v1/playlists/" + id).json().get("snapshotId").asText()).isEqualTo(s2);
        assertThat(trackIds(owner, id, s2)).isEqualTo(tracks);
    }
}
