package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicstream.events.ids.LibraryIds;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.PushStream;
import io.musicstream.infra.Releases;
import io.musicstream.projections.library.SyncRetention;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The library and its sync feed over HTTP against the real servers: saves, removals and follows become
 * changes with tokens, tombstones and snapshots; writes answer tokens that reads can wait for; offline
 * batches merge; pushes tell devices; one user never sees another's library.
 */
class LibrarySyncTest extends IntegrationTest {

    private ApiClient admin;
    private ApiClient listener;
    private String artist;
    private String album;
    private List<String> tracks;
    private String norwayOnly;
    private String takenDown;
    private String goneAlbum;

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

    private static long write(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("syncToken").asLong();
    }

    /** The highest global index committed so far: as a {@code minToken}, a read that sees every write before it. */
    private long latestCommitted() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private static List<String> changes(JsonNode page) {
        List<String> changes = new ArrayList<>();
        page.get("changes").forEach(c -> changes.add(c.get("kind").asText() + " " + c.get("itemType").asText() + " "
                + c.get("itemId").asText()));
        return changes;
    }

    @Test
    void savesRemovalsAndFollowsAppearInTheFeedOnceInOrderWithTombstones() {
        long start = listener.get("/api/v1/me/sync").json().get("syncToken").asLong();
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        write(listener.put("/api/v1/me/library/albums/" + album, null));
        write(listener.put("/api/v1/me/library/artists/" + artist, null));
        long last = write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(0)));

        JsonNode page = listener.get("/api/v1/me/sync?since=" + start + "&minToken=" + last).json();
        assertThat(page.get("reset").asBoolean()).isFalse();
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        assertThat(changes(page)).containsExactly("added track " + tracks.get(0), "added album " + album,
                "added artist " + artist, "removed track " + tracks.get(0));
        List<Long> tokens = new ArrayList<>();
        page.get("changes").forEach(c -> tokens.add(c.get("token").asLong()));
        assertThat(tokens).isSorted().doesNotHaveDuplicates().allMatch(t -> t > start && t <= last);
        assertThat(page.get("syncToken").asLong()).isGreaterThanOrEqualTo(last);

        JsonNode after = listener.get("/api/v1/me/sync?since=" + page.get("syncToken").asLong()).json();
        assertThat(changes(after)).isEmpty();
    }

    @Test
    void aFirstSyncIsASnapshotOfTheLibraryPagedLikeTheRest() {
        long last = write(listener.put("/api/v1/me/library/tracks", Map.of("ids", tracks)));
        write(listener.put("/api/v1/me/library/albums/" + album, null));
        last = write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(1)));

        JsonNode first = listener.get("/api/v1/me/sync?since=0&limit=2&minToken=" + last).json();
        assertThat(first.get("reset").asBoolean()).isTrue();
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode second = listener.get("/api/v1/me/sync?since=" + first.get("syncToken").asLong()
                + "&snapshotAfter=" + first.get("snapshotAfter").asLong() + "&limit=2").json();
        assertThat(second.get("reset").asBoolean()).isFalse();
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        List<String> snapshot = new ArrayList<>(changes(first));
        snapshot.addAll(changes(second));
        assertThat(snapshot).containsExactly("added track " + tracks.get(0), "added track " + tracks.get(2),
                "added album " + album);
        assertThat(second.get("syncToken").asLong()).isEqualTo(first.get("syncToken").asLong());
    }

    @Autowired
    SyncRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("libraryCache")
    Cache libraryCache;

    /**
     * A library that outgrows the snapshot threshold (250 events for a small one) is snapshotted, and once out
     * of the cache it loads from that snapshot with the same state: a save of what is there changes nothing,
     * a save of what was removed last does.
     */
    @Test
    void aLibraryIsSnapshottedAndLoadsBackFromItsSnapshot() {
        String userId = listener.get("/api/v1/me").json().get("userId").asText();
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(1), null));
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(2), null));
        for (int i = 0; i < 130; i++) {
            write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
            write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(0)));
        }
        String library = LibraryIds.of(userId);
        eventually(() -> assertThat(jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, library))
                .isEqualTo(1));
        // of the revision the snapshot filter accepts, so that it is used (the next test shows others are not)
        assertThat(jdbc.queryForObject("select payload_revision from snapshot_event_entry where aggregate_identifier = ?",
                String.class, library)).isEqualTo("2");

        libraryCache.removeAll();
        ApiClient.Response again = listener.put("/api/v1/me/library/tracks/" + tracks.get(1), null);
        write(again);
        assertThat(again.json().get("changed").asBoolean()).as("already saved before the snapshot").isFalse();
        ApiClient.Response back = listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null);
        long token = write(back);
        assertThat(back.json().get("changed").asBoolean()).as("removed last before the snapshot").isTrue();
        JsonNode saved = listener.get("/api/v1/me/library/tracks?minToken=" + token).json();
        List<String> ids = new ArrayList<>();
        saved.get("items").forEach(item -> ids.add(item.get("itemId").asText()));
        assertThat(ids).containsExactlyInAnyOrder(tracks.get(0), tracks.get(1), tracks.get(2));
    }

    /**
     * A snapshot of the library's earlier shape (no revision; {@code appliedChangeIds}, a list) is
     * ignored: the library is rebuilt from its events. This one claims an empty library; a save of the saved
     * track changes nothing only if the events, not the snapshot, were used.
     */
    @Test
    void aSnapshotOfAnEarlierRevisionIsIgnoredAndTheLibraryRebuiltFromItsEvents() {
        String userId = listener.get("/api/v1/me").json().get("userId").asText();
        String library = LibraryIds.of(userId);
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, 0, 'Library', ?, ?, ?, null, ?, ?)""", library, UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"libraryId\":\"" + library + "\",\"userId\":\"" + userId
                        + "\",\"items\":{},\"appliedChangeIds\":[],\"forgotAt\":null}").getBytes(StandardCharsets.UTF_8),
                io.musicstream.command.library.Library.class.getName(), Instant.now().toString());

        libraryCache.removeAll();
        ApiClient.Response again = listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null);
        write(again);
        assertThat(again.json().get("changed").asInt()).as("saved, by the events").isZero();
    }

    @Test
    void aTokenOlderThanWhatTheFeedKeepsGetsASnapshot() {
        long first = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        long second = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(1), null));
        listener.get("/api/v1/me/sync?since=" + second + "&minToken=" + second);
        retention.prune(first);

        JsonNode stale = listener.get("/api/v1/me/sync?since=" + (first - 1)).json();
        assertThat(stale.get("reset").asBoolean()).isTrue();
        assertThat(changes(stale)).containsExactly("added track " + tracks.get(0), "added track " + tracks.get(1));
        JsonNode recent = listener.get("/api/v1/me/sync?since=" + first).json();
        assertThat(recent.get("reset").asBoolean()).isFalse();
        assertThat(changes(recent)).containsExactly("added track " + tracks.get(1));
    }

    @Test
    void readsWaitForTheWritersTokenAndListTheLibraryNewestFirstWithCatalogMetadata() {
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(2), null));
        long token = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));

        JsonNode listing = listener.get("/api/v1/me/library/tracks?minToken=" + token).json();
        assertThat(listing.get("total").asLong()).isEqualTo(2);
        assertThat(listing.at("/items/0/itemId").asText()).isEqualTo(tracks.get(0));
        assertThat(listing.at("/items/0/track/title").asText()).isEqualTo("One");
        assertThat(listing.at("/items/0/track/artists/0/name").asText()).isEqualTo("Library Band");
        assertThat(listing.at("/items/0/track/release/title").asText()).isEqualTo("Shelf Life");
        assertThat(listing.at("/items/0/track/available").asBoolean()).isTrue();
        assertThat(listing.at("/items/1/itemId").asText()).isEqualTo(tracks.get(2));

        long followed = write(listener.put("/api/v1/me/library/artists/" + artist, null));
        JsonNode artists = listener.get("/api/v1/me/library/artists?minToken=" + followed).json();
        assertThat(artists.at("/items/0/artist/name").asText()).isEqualTo("Library Band");
    }

    @Test
    void aTokenTheFeedCannotReachInTimeIs503WithRetryAfter() throws Exception {
        long token;
        // a transaction that took its id before the write holds the feed's bound below the write's token
        try (java.sql.Connection open = jdbc.getDataSource().getConnection()) {
            open.setAutoCommit(false);
            open.createStatement().execute("select pg_current_xact_id()");
            token = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
            long start = System.nanoTime();
            ApiClient.Response listing = listener.get("/api/v1/me/library/tracks?minToken=" + token);
            assertThat((System.nanoTime() - start) / 1_000_000).as("waited about 2 s").isBetween(1_900L, 6_000L);
            assertProblem(listing, 503, "not caught up");
            assertThat(listing.header("Retry-After")).isEqualTo("1");
            ApiClient.Response feed = listener.get("/api/v1/me/sync?since=0&minToken=" + token);
            assertProblem(feed, 503, "not caught up");
            assertThat(feed.header("Retry-After")).isEqualTo("1");
            open.rollback();
        }
        ApiClient.Response caughtUp = listener.get("/api/v1/me/library/tracks?minToken=" + token);
        assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
        assertThat(caughtUp.json().get("total").asLong()).isEqualTo(1);
    }

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

    @Test
    void oneUserNeverSeesOrChangesAnothersLibrary() throws Exception {
        ApiClient other = newListener("SE");
        long otherStart = other.get("/api/v1/me/sync").json().get("syncToken").asLong();
        BlockingQueue<String> othersDevice = listen(other.token());
        assertThat(othersDevice.poll(5, TimeUnit.SECONDS)).as("initial event").isNotNull();
        Map<String, String> sharedKey = Map.of("Idempotency-Key", "shared-" + UUID.randomUUID());
        write(listener.send("PUT", "/api/v1/me/library/tracks/" + tracks.get(0), null, sharedKey));
        long token = write(listener.put("/api/v1/me/library/albums/" + album, null));

        // neither the snapshot, nor the delta since before the writes, nor the push stream shows them
        assertThat(changes(other.get("/api/v1/me/sync?since=0&minToken=" + token).json())).isEmpty();
        assertThat(changes(other.get("/api/v1/me/sync?since=" + otherStart + "&minToken=" + token).json())).isEmpty();
        assertThat(other.get("/api/v1/me/library/tracks").json().get("total").asLong()).isZero();
        assertThat(other.get("/api/v1/me/library/albums").json().get("total").asLong()).isZero();
        assertThat(othersDevice.poll(1_500, TimeUnit.MILLISECONDS)).as("a push for another's write").isNull();

        // the same Idempotency-Key from another user is that user's own request, not a replay
        ApiClient.Response sameKey = other.send("PUT", "/api/v1/me/library/tracks/" + tracks.get(1), null, sharedKey);
        assertThat(sameKey.status()).as(sameKey.toString()).isEqualTo(200);
        assertThat(sameKey.header("Idempotent-Replayed")).isNull();
        assertThat(sameKey.json().get("changed").asInt()).isEqualTo(1);

        // removals, bulk and offline, only ever touch the caller's own library
        write(other.delete("/api/v1/me/library/tracks/" + tracks.get(0)));
        write(other.delete("/api/v1/me/library/albums?ids=" + album));
        ApiClient.Response offline = other.post("/api/v1/me/library/changes", Map.of("lastSyncToken", 0,
                "changes", List.of(offline("x-1", "remove", "track", tracks.get(0), Instant.now()))));
        assertThat(offline.status()).as(offline.toString()).isEqualTo(200);
        JsonNode mine = listener.get("/api/v1/me/sync?since=0&minToken=" + offline.json().get("syncToken").asLong())
                .json();
        assertThat(changes(mine)).containsExactly("added track " + tracks.get(0), "added album " + album);
        assertThat(listener.get("/api/v1/me/library/tracks").json().get("total").asLong()).isEqualTo(1);
        assertThat(anonymous.get("/api/v1/me/sync").status()).isEqualTo(401);
        assertThat(anonymous.put("/api/v1/me/library/tracks/" + tracks.get(0), null).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/me/sync/stream").status()).isEqualTo(401);
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

    @Test
    void offlineChangesMergeItemByItemAndAReplayedBatchChangesNothing() {
        long synced = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        // another device removes track 0 now; the offline device removed it earlier and saved others
        // microseconds: what the store keeps, and the feed writes them as Instant.toString does
        Instant offlineTime = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusNanos(123_456_000);
        long removed = write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(0)));
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("lastSyncToken", synced);
        batch.put("changes", List.of(
                offline("c-1", "save", "track", tracks.get(0), offlineTime),
                offline("c-2", "save", "track", tracks.get(1), offlineTime),
                offline("c-3", "save", "track", takenDown, offlineTime),
                offline("c-4", "save", "album", album, offlineTime.plusSeconds(1)),
                offline("c-5", "save", "track", tracks.get(2), offlineTime.minus(java.time.Duration.ofDays(91)))));
        ApiClient.Response merged = listener.post("/api/v1/me/library/changes", batch);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode results = merged.json().get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("superseded");
        assertThat(results.get(0).get("saved").asBoolean()).isFalse();
        assertThat(results.get(1).get("status").asText()).isEqualTo("applied");
        assertThat(results.get(2).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(2).get("reason").asText()).contains("taken down");
        assertThat(results.get(3).get("status").asText()).isEqualTo("applied");
        assertThat(results.get(4).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(4).get("reason").asText()).contains("more than 90 days before it reached the server");
        long token = merged.json().get("syncToken").asLong();
        assertThat(token).isGreaterThan(removed);

        ApiClient.Response replay = listener.post("/api/v1/me/library/changes", batch);
        assertThat(replay.json().get("syncToken").asLong()).isEqualTo(token);
        assertThat(replay.json().get("results")).isEqualTo(results);

        JsonNode feed = listener.get("/api/v1/me/sync?since=" + removed + "&minToken=" + token).json();
        assertThat(changes(feed)).containsExactly("added track " + tracks.get(1), "added album " + album);
        assertThat(feed.at("/changes/0/clientChangeId").asText()).isEqualTo("c-2");
        assertThat(feed.at("/changes/0/at").asText()).isEqualTo(offlineTime.toString());
        assertThat(feed.at("/changes/1/at").asText()).isEqualTo(offlineTime.plusSeconds(1).toString());
        // a snapshot lists the saves with the same times
        JsonNode snapshot = listener.get("/api/v1/me/sync?since=0").json();
        assertThat(changes(snapshot)).containsExactly("added track " + tracks.get(1), "added album " + album);
        assertThat(snapshot.at("/changes/0/at").asText()).isEqualTo(offlineTime.toString());
        assertThat(snapshot.at("/changes/1/at").asText()).isEqualTo(offlineTime.plusSeconds(1).toString());
    }

    private static Map<String, Object> offline(String id, String action, String type, String itemId, Instant at) {
        return Map.of("clientChangeId", id, "action", action, "itemType", type, "itemId", itemId,
                "clientTimestamp", at.toString());
    }

    @Test
    void everyConnectedDeviceHearsOfANewSyncTokenWithinASecond() throws Exception {
        String token = listener.token();
        BlockingQueue<String> phone = listen(token);
        BlockingQueue<String> laptop = listen(token);
        assertThat(phone.poll(5, TimeUnit.SECONDS)).as("initial event").isNotNull();
        assertThat(laptop.poll(5, TimeUnit.SECONDS)).as("initial event").isNotNull();

        long written = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        long start = System.nanoTime();
        for (BlockingQueue<String> device : List.of(phone, laptop)) {
            String data = device.poll(1_000 - (System.nanoTime() - start) / 1_000_000, TimeUnit.MILLISECONDS);
            assertThat(data).as("a push within one second").isNotNull();
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(data).get("syncToken").asLong()).isEqualTo(written);
        }
    }

    /** The data lines of {@code sync} events from a server-sent event stream, read in the background. */
    private BlockingQueue<String> listen(String bearer) {
        return PushStream.listen(port, bearer).events();
    }
}
