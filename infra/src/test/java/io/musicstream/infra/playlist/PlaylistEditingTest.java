package io.musicstream.infra.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Creating and editing playlists through HTTP, then reading their items and their changes. */
class PlaylistEditingTest extends PlaylistIntegrationTest {

    @Test
    void editsThroughHttpShowInTheItemsAndInTheChanges() {
        String id = create(false, false);
        String items = "/api/v1/playlists/" + id + "/items";
        String s2 = snapshot(owner.post(items, Map.of("trackIds", tracks)), 201);
        List<String> onDevice = itemIds(owner, id, s2);

        // taken-down and unlicensed tracks may be added, and stay, unavailable to this Swedish listener
        String s3 = snapshot(owner.post(items, Map.of("trackIds", List.of(takenDown, norwayOnly), "position", 1)), 201);
        String s4 = snapshot(owner.send("PUT", items, Map.of("rangeStart", 0, "insertBefore", 5, "snapshotId", s3),
                Map.of()), 200);
        String s5 = snapshot(owner.send("DELETE", items, Map.of("positions", List.of(0), "snapshotId", s4), Map.of()), 200);

        assertThat(List.of(s2, s3, s4, s5)).containsExactly("2", "3", "4", "5");
        JsonNode page = owner.get(items + "?minSnapshot=" + s5).json();
        assertThat(page.get("snapshotId").asText()).isEqualTo("5");
        assertThat(page.get("total").asInt()).isEqualTo(4);
        List<String> shown = new ArrayList<>();
        page.get("items").forEach(i -> shown.add(i.at("/track/title").asText() + ":" + i.get("available").asBoolean()));
        assertThat(shown).containsExactly("Fjord:false", "Beta:true", "Gamma:true", "Alpha:true");

        // a device at snapshot 2 applies the changes and ends with the current items
        JsonNode changes = owner.get("/api/v1/playlists/" + id + "/changes?sinceSnapshot=" + s2).json();
        assertThat(changes.get("reset").asBoolean()).isFalse();
        assertThat(changes.get("snapshotId").asText()).isEqualTo("5");
        assertThat(apply(onDevice, changes)).isEqualTo(itemIds(owner, id, s5));

        // details: a rename is a new snapshot with no item change
        String s6 = snapshot(owner.put("/api/v1/playlists/" + id, Map.of("name", "Night drive", "public", true)), 200);
        JsonNode details = owner.get("/api/v1/playlists/" + id + "?minSnapshot=" + s6).json();
        assertThat(details.get("name").asText()).isEqualTo("Night drive");
        assertThat(details.get("public").asBoolean()).isTrue();
        assertThat(details.get("itemCount").asInt()).isEqualTo(4);
        assertThat(details.at("/owner/id").asText()).isEqualTo(ownerId);
        assertThat(owner.get("/api/v1/playlists/" + id + "/changes?sinceSnapshot=" + s5).json().get("operations"))
                .isEmpty();

        // a replace starts over: changes from before it answer with every item
        String s7 = snapshot(owner.send("PUT", items, Map.of("trackIds", List.of(tracks.get(2), tracks.get(2))),
                Map.of()), 200);
        assertThat(trackIds(owner, id, s7)).containsExactly(tracks.get(2), tracks.get(2));
        JsonNode reset = owner.get("/api/v1/playlists/" + id + "/changes?sinceSnapshot=" + s2).json();
        assertThat(reset.get("reset").asBoolean()).isTrue();
        assertThat(reset.get("items")).hasSize(2);

        // the owner's list shows it; a delete makes it a 404
        assertThat(owner.get("/api/v1/me/playlists").json().get("items").toString()).contains(id);
        assertThat(owner.delete("/api/v1/playlists/" + id).status()).isEqualTo(204);
        eventually(() -> assertProblem(owner.get("/api/v1/playlists/" + id), 404, id));
        assertProblem(owner.post(items, Map.of("trackIds", tracks)), 404, "deleted");
    }

    @Test
    void anEditOnAStaleSnapshotIsRebasedOrAConflictNamingTheCurrentSnapshot() {
        String id = create(false, false);
        String items = "/api/v1/playlists/" + id + "/items";
        String s2 = snapshot(owner.post(items, Map.of("trackIds", tracks)), 201);
        snapshot(owner.post(items, Map.of("trackIds", List.of(tracks.get(0)))), 201);

        // position 0 still holds the same item after an append: rebased
        String s4 = snapshot(owner.send("PUT", items, Map.of("rangeStart", 0, "insertBefore", 2, "snapshotId", s2),
                Map.of()), 200);
        // position 0 of snapshot 2 no longer holds the same item
        ApiClient.Response stale = owner.send("DELETE", items, Map.of("positions", List.of(0), "snapshotId", s2),
                Map.of());
        assertProblem(stale, 409, "current snapshotId is " + s4);
        assertThat(stale.json().get("currentSnapshotId").asText()).isEqualTo(s4);
        assertThat(trackIds(owner, id, s4)).containsExactly(tracks.get(1), tracks.get(0), tracks.get(2), tracks.get(0));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndWritesNothing() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response first = owner.send("POST", "/api/v1/me/playlists", Map.of("name", "Once"), key);
        ApiClient.Response retry = owner.send("POST", "/api/v1/me/playlists", Map.of("name", "Once"), key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        String id = first.json().get("id").asText();

        String items = "/api/v1/playlists/" + id + "/items";
        Map<String, String> addKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response add = owner.send("POST", items, Map.of("trackIds", tracks), addKey);
        ApiClient.Response addAgain = owner.send("POST", items, Map.of("trackIds", tracks), addKey);
        assertThat(addAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(addAgain.body()).isEqualTo(add.body());
        assertThat(trackIds(owner, id, snapshot(add, 201))).hasSize(3);
        assertThat(owner.get("/api/v1/playlists/" + id).json().get("snapshotId").asText()).isEqualTo("2");
        eventually(() -> assertThat(owner.get("/api/v1/me/playlists").json().get("total").asInt()).isEqualTo(1));
    }

    @Test
    void aTenThousandItemPlaylistTakesEditsAndAnswersFewOperationsInsteadOfItsItems() {
        String id = create(false, false);
        String items = "/api/v1/playlists/" + id + "/items";
        List<String> full = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            full.add(tracks.get(i % 3));
        }
        String s2 = snapshot(owner.send("PUT", items, Map.of("trackIds", full), Map.of()), 200);
        assertProblem(owner.post(items, Map.of("trackIds", List.of(tracks.get(0)))), 422, "at most 10000");
        String s3 = snapshot(owner.send("DELETE", items, Map.of("positions", List.of(0, 5_000, 9_999)), Map.of()), 200);
        String s4 = snapshot(owner.post(items, Map.of("trackIds", List.of(takenDown), "position", 4_000)), 201);
        String s5 = snapshot(owner.send("PUT", items, Map.of("rangeStart", 9_000, "rangeLength", 10,
                "insertBefore", 10), Map.of()), 200);

        JsonNode page = owner.get(items + "?offset=9990&limit=100&minSnapshot=" + s5).json();
        assertThat(page.get("total").asInt()).isEqualTo(9_998);
        assertThat(page.get("items")).hasSize(8);
        assertThat(page.at("/items/0/position").asInt()).isEqualTo(9_990);
        JsonNode moved = owner.get(items + "?offset=10&limit=10").json();
        assertThat(moved.at("/items/0/position").asInt()).isEqualTo(10);
        JsonNode added = owner.get(items + "?offset=4010&limit=1").json();
        assertThat(added.at("/items/0/trackId").asText()).isEqualTo(takenDown);
        assertThat(added.at("/items/0/available").asBoolean()).isFalse();
        JsonNode changes = owner.get("/api/v1/playlists/" + id + "/changes?sinceSnapshot=" + s2).json();
        assertThat(changes.get("operations")).hasSize(3);
        assertThat(changes.toString().length()).isLessThan(2_000);
        assertThat(List.of(s3, s4)).containsExactly("3", "4");
    }

    @Test
    void collaboratorsEditingAtOnceLoseNoEdit() throws Exception {
        String id = create(false, true);
        List<ApiClient> editors = new ArrayList<>(List.of(owner));
        for (int i = 0; i < 3; i++) {
            ApiClient editor = newListener("SE");
            String invitation = owner.post("/api/v1/playlists/" + id + "/invitations", Map.of("userId", userId(editor)))
                    .json().get("invitationId").asText();
            assertThat(editor.post("/api/v1/playlists/" + id + "/invitations/" + invitation + "/accept", null)
                    .status()).isEqualTo(204);
            editors.add(editor);
        }
        List<Thread> threads = new ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (ApiClient editor : editors) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    ApiClient.Response added = editor.post("/api/v1/playlists/" + id + "/items",
                            Map.of("trackIds", List.of(tracks.get(i % 3))));
                    if (added.status() != 201) {
                        failures.add(added.toString());
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(trackIds(owner, id, "21")).hasSize(20);
    }

    /** Applies the operations of a changes answer to a device's item ids, as a device does. */
    static List<String> apply(List<String> itemIds, JsonNode changes) {
        List<String> items = new ArrayList<>(itemIds);
        for (JsonNode op : changes.get("operations")) {
            switch (op.get("op").asText()) {
                case "add" -> {
                    List<String> added = new ArrayList<>();
                    op.get("items").forEach(i -> added.add(i.get("itemId").asText()));
                    items.addAll(op.get("position").asInt(), added);
                }
                case "remove" -> {
                    List<Integer> positions = new ArrayList<>();
                    op.get("positions").forEach(p -> positions.add(p.asInt()));
                    for (int i = positions.size() - 1; i >= 0; i--) {
                        items.remove((int) positions.get(i));
                    }
                }
                case "move" -> {
                    int start = op.get("rangeStart").asInt();
                    int length = op.get("rangeLength").asInt();
                    int before = op.get("insertBefore").asInt();
                    List<String> range = new ArrayList<>(items.subList(start, start + length));
                    items.subList(start, start + length).clear();
                    items.addAll(before > start ? before - length : before, range);
                }
                default -> throw new AssertionError("unknown operation " + op);
            }
        }
        return items;
    }
}
