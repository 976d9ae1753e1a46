package io.musicstream.infra;

import io.musicstream.command.catalog.CatalogIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The boundary check over HTTP: text that no read model or index can hold (control characters, over-long
 * values) is a 400 problem naming the field and writes nothing; plays are scoped to their user and checked
 * against the catalog; search refuses to page deeper than it can.
 */
class InputBoundaryTest extends IntegrationTest {

    private static final String NUL = "x\u0000y";

    @Autowired
    JdbcClient jdbc;

    private long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }

    /** The response is a 400 naming {@code field}, and no event was stored while it was handled. */
    private void refusedNamingField(String field, java.util.function.Supplier<ApiClient.Response> request) {
        long before = head();
        ApiClient.Response response = request.get();
        assertProblem(response, 400, field);
        assertThat(response.json().get("errors").toString()).contains(field);
        assertThat(head()).as("events stored by a refused request").isEqualTo(before);
    }

    @Test
    void controlCharactersInLibraryChangesAreRefusedNamingTheField() {
        ApiClient listener = newListener();
        for (String field : List.of("clientChangeId", "itemId")) {
            Map<String, Object> change = new HashMap<>(Map.of("clientChangeId", UUID.randomUUID().toString(),
                    "action", "save", "itemType", "track", "itemId", playableTrack(),
                    "clientTimestamp", Instant.now().toString()));
            change.put(field, NUL);
            refusedNamingField("changes[0]." + field, () -> listener.post("/api/v1/me/library/changes",
                    Map.of("lastSyncToken", 0, "changes", List.of(change))));
        }
        refusedNamingField("itemIds[0]", () -> listener.put("/api/v1/me/library/tracks",
                Map.of("ids", List.of("a\u0001b"))));
    }

    @Test
    void controlCharactersInPlaysAreRefusedNamingTheField() {
        ApiClient listener = newListener();
        for (String field : List.of("playId", "trackId", "deviceId", "territory")) {
            Map<String, Object> play = play(UUID.randomUUID().toString());
            play.put(field, field.equals("territory") ? "S\u0000" : "a\u007fb\u0085");
            refusedNamingField(field, () -> listener.post("/api/v1/me/plays", play));
        }
    }

    @Test
    void controlCharactersInAReleaseAreRefusedNamingTheField() {
        ApiClient admin = admin();
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Boundary")).json().get("artistId").asText();
        Map<String, Consumer<Map<String, Object>>> spoilers = new java.util.LinkedHashMap<>();
        spoilers.put("title", r -> r.put("title", NUL));
        spoilers.put("genres[0]", r -> r.put("genres", List.of("ro\u0000ck")));
        spoilers.put("label", r -> r.put("label", NUL));
        spoilers.put("artworkUrl", r -> r.put("artworkUrl", "https://img.example/\u0000.jpg"));
        spoilers.put("tracks[0].title", r -> track(r).put("title", NUL));
        spoilers.put("tracks[0].isrc", r -> track(r).put("isrc", "GBUM7\u00001029604"));
        spoilers.put("tracks[0].rightsHolders[0].name", r -> track(r).put("rightsHolders", List.of(Map.of(
                "partyId", "emi", "name", "E\u0000MI", "role", "RECORDING_OWNER", "shareBasisPoints", 10_000))));
        spoilers.forEach((field, spoil) -> {
            String upc = upc();
            Map<String, Object> release = new HashMap<>(Releases.release(upc, "Boundary", artistId,
                    List.of(Releases.track("GBUM71029604", "Fine", 1))));
            spoil.accept(release);
            refusedNamingField(field, () -> admin.post("/api/v1/releases", release));
            assertThat(events(CatalogIds.releaseId(upc))).isZero();
        });
    }

    @Test
    void javascriptArtworkUrlsAreRefused() {
        ApiClient admin = admin();
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Boundary")).json().get("artistId").asText();
        Map<String, Object> release = new HashMap<>(Releases.release(upc(), "Boundary", artistId,
                List.of(Releases.track("GBUM71029604", "Fine", 1))));
        release.put("artworkUrl", "javascript:alert(1)");
        refusedNamingField("artworkUrl", () -> admin.post("/api/v1/releases", release));
    }

    @Test
    void aCuratorsFortyKilobyteGenreIsRefused() {
        ApiClient admin = admin();
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Boundary")).json().get("artistId").asText();
        String upc = upc();
        Map<String, Object> release = new HashMap<>(Releases.release(upc, "Boundary", artistId,
                List.of(Releases.track("GBUM71029604", "Fine", 1))));
        release.put("genres", List.of("g".repeat(40 * 1024)));
        refusedNamingField("genres[0]", () -> admin.post("/api/v1/releases", release));
        assertThat(events(CatalogIds.releaseId(upc))).isZero();
    }

    @Test
    void controlCharactersInAnArtistNameOrATakedownReasonAreRefused() {
        ApiClient admin = admin();
        refusedNamingField("name", () -> admin.post("/api/v1/artists", Map.of("name", NUL)));

        String artistId = admin.post("/api/v1/artists", Map.of("name", "Taken")).json().get("artistId").asText();
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc(), "Taken", artistId,
                List.of(Releases.track("GBUM71029604", "Fine", 1))));
        String releaseId = release.json().get("releaseId").asText();
        String trackId = release.json().at("/tracks/0/trackId").asText();
        refusedNamingField("reason", () -> admin.post("/api/v1/releases/" + releaseId + "/tracks/" + trackId
                + "/takedown", Map.of("reason", "rights\u0000dispute")));
    }

    @Test
    void twoUsersWithTheSamePlayIdBothHaveTheirPlayStored() {
        String playId = "shared-" + UUID.randomUUID();
        ApiClient alice = newListener();
        ApiClient bob = newListener();

        ApiClient.Response alicePlay = alice.post("/api/v1/me/plays", play(playId));
        ApiClient.Response bobPlay = bob.post("/api/v1/me/plays", play(playId));
        ApiClient.Response bobAgain = bob.post("/api/v1/me/plays", play(playId));

        assertThat(alicePlay.status()).as(alicePlay.toString()).isEqualTo(201);
        assertThat(bobPlay.status()).as(bobPlay.toString()).isEqualTo(201);
        assertThat(bobAgain.status()).as(bobAgain.toString()).isEqualTo(200);
        assertThat(bobAgain.json().get("duplicate").asBoolean()).isTrue();
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier like ?")
                .param("play:%:" + playId).query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void aPlayIdCannotClaimAnotherAggregatesId() {
        ApiClient admin = admin();
        String upc = upc();
        String releaseId = CatalogIds.releaseId(upc);
        ApiClient listener = newListener();
        assertThat(listener.post("/api/v1/me/plays", play(releaseId)).status()).isEqualTo(201);

        String artistId = admin.post("/api/v1/artists", Map.of("name", "Claimed")).json().get("artistId").asText();
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc, "Not Claimed", artistId,
                List.of(Releases.track("GBUM71029604", "Fine", 1))));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
    }

    @Test
    void aPlayOfAnUnknownTrackIsNotFound() {
        Map<String, Object> play = play(UUID.randomUUID().toString());
        play.put("trackId", "no-such-track");
        assertProblem(newListener().post("/api/v1/me/plays", play), 404, "no-such-track");
    }

    @Test
    void implausiblePlaysAreRefusedNamingTheField() {
        ApiClient listener = newListener();
        Map<String, Object> tooLong = play(UUID.randomUUID().toString());
        tooLong.put("msPlayed", 999_999_999_999L);
        refusedNamingField("msPlayed", () -> listener.post("/api/v1/me/plays", tooLong));

        Map<String, Object> longerThanTheTrack = play(UUID.randomUUID().toString());
        longerThanTheTrack.put("msPlayed", 354_000 + 10_001);
        refusedNamingField("msPlayed", () -> listener.post("/api/v1/me/plays", longerThanTheTrack));

        Map<String, Object> future = play(UUID.randomUUID().toString());
        future.put("startedAt", Instant.now().plus(Duration.ofHours(1)).toString());
        refusedNamingField("startedAt", () -> listener.post("/api/v1/me/plays", future));

        Map<String, Object> old = play(UUID.randomUUID().toString());
        old.put("startedAt", Instant.now().minus(Duration.ofDays(31)).toString());
        refusedNamingField("startedAt", () -> listener.post("/api/v1/me/plays", old));
    }

    @Test
    void aPlayOfATrackNotPlayableInTheCallersTerritoryBreaksADomainRule() {
        ApiClient admin = admin();
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Local")).json().get("artistId").asText();
        Map<String, Object> track = new HashMap<>(Releases.track("GBUM71029604", "Only In Norway", 1));
        track.put("territories", List.of("NO"));
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc(), "Local", artistId,
                List.of(track)));
        String trackId = release.json().at("/tracks/0/trackId").asText();
        eventually(() -> assertThat(admin.get("/api/v1/tracks/" + trackId).status()).isEqualTo(200));

        ApiClient swede = newListener("SE");
        Map<String, Object> play = play(UUID.randomUUID().toString());
        play.put("trackId", trackId);
        assertProblem(swede.post("/api/v1/me/plays", play), 422, "not licensed in SE");
        play.put("territory", "NO");
        assertThat(swede.post("/api/v1/me/plays", play).status()).isEqualTo(201);
    }

    @Test
    void searchingDeeperThanTheIndexCanPageIsRefusedStatingTheMaximum() {
        ApiClient listener = newListener();
        assertProblem(listener.get("/api/v1/search?q=a&type=track&limit=50&offset=90"), 400,
                "offset + limit must be at most 100");
        assertProblem(listener.get("/api/v1/search?q=a&limit=1&offset=100"), 400, "at most 100");
        assertThat(listener.get("/api/v1/search?q=a&type=track&limit=50&offset=50").status()).isEqualTo(200);
    }

    private Map<String, Object> play(String playId) {
        Map<String, Object> play = new HashMap<>();
        play.put("playId", playId);
        play.put("trackId", playableTrack());
        play.put("startedAt", Instant.now().minusSeconds(200).toString());
        play.put("msPlayed", 183_000);
        play.put("deviceId", "phone");
        return play;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> track(Map<String, Object> release) {
        List<Map<String, Object>> tracks = new ArrayList<>();
        ((List<Map<String, Object>>) release.get("tracks")).forEach(t -> tracks.add(new HashMap<>(t)));
        release.put("tracks", tracks);
        return tracks.get(0);
    }

    private long events(String aggregateId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(aggregateId)
                .query(Long.class).single();
    }

    private static String upc() {
        return "0066" + String.format("%08d", (int) (Math.random() * 99_999_999));
    }
}
