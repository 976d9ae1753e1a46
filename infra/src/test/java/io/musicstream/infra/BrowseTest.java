package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicstream.projections.catalog.browse.CatalogBrowseProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Catalog browsing over HTTP against the real servers: releases ingested by an admin become artist, album
 * and track pages, new releases and genres through the catalog-browse projection; plays rank top tracks;
 * takedowns and restores per territory change what can be played where; the projection replays from zero.
 */
class BrowseTest extends IntegrationTest {

    @Autowired
    org.axonframework.config.Configuration axon;

    private ApiClient admin;
    private ApiClient listener;

    @BeforeEach
    void clients() {
        ApiClient.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", ADMIN, "password", ADMIN_PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        admin = anonymous.withToken(login.json().get("token").asText());
        listener = newListener();
    }

    @Test
    void anAlbumPageListsItsTracksInDiscAndTrackOrderWithArtistNames() {
        String band = artist("Browse Band");
        String guest = artist("Guest Singer");
        Map<String, Object> closer = track("SEBRW0000003", "Closer", 2, 1);
        Map<String, Object> second = track("SEBRW0000002", "Second", 1, 2);
        second.put("artistIds", List.of(band, guest));
        second.put("explicit", true);
        Map<String, Object> opener = track("SEBRW0000001", "Opener", 1, 1);
        Ingested album = ingest(band, "Double Album", "2004-03-01", List.of("rock", "indie"),
                List.of(closer, second, opener));

        eventually(() -> {
            ApiClient.Response page = listener.get("/api/v1/albums/" + album.releaseId());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode json = page.json();
            assertThat(json.get("title").asText()).isEqualTo("Double Album");
            assertThat(json.get("releaseType").asText()).isEqualTo("ALBUM");
            assertThat(json.get("releaseDate").asText()).isEqualTo("2004-03-01");
            assertThat(json.get("upc").asText()).isEqualTo(album.upc());
            assertThat(texts(json.get("genres"))).containsExactly("rock", "indie");
            assertThat(json.at("/artists/0/name").asText()).isEqualTo("Browse Band");
            assertThat(json.get("trackCount").asInt()).isEqualTo(3);
            assertThat(json.get("durationMs").asLong()).isEqualTo(3 * 354_000L);
            assertThat(field(json.get("tracks"), "title")).containsExactly("Opener", "Second", "Closer");
            assertThat(field(json.get("tracks"), "discNumber")).containsExactly("1", "1", "2");
            JsonNode secondTrack = json.at("/tracks/1");
            assertThat(field(secondTrack.get("artists"), "name")).containsExactly("Browse Band", "Guest Singer");
            assertThat(secondTrack.get("explicit").asBoolean()).isTrue();
            assertThat(secondTrack.get("available").asBoolean()).isTrue();
        });

        ApiClient.Response track = listener.get("/api/v1/tracks/" + album.trackId("SEBRW0000002"));
        assertThat(track.status()).as(track.toString()).isEqualTo(200);
        assertThat(track.json().get("title").asText()).isEqualTo("Second");
        assertThat(track.json().get("isrc").asText()).isEqualTo("SEBRW0000002");
        assertThat(track.json().at("/release/releaseId").asText()).isEqualTo(album.releaseId());
        assertThat(track.json().at("/release/title").asText()).isEqualTo("Double Album");
        assertThat(field(track.json().get("artists"), "name")).containsExactly("Browse Band", "Guest Singer");
        assertThat(track.json().get("available").asBoolean()).isTrue();
        assertThat(track.json().get("takedown").isNull()).isTrue();

        // a metadata update naming no artists shows the release's artists
        Map<String, Object> renamed = track("SEBRW0000002", "Second (Remastered)", 1, 2);
        ApiClient.Response updated = admin.put("/api/v1/releases/" + album.releaseId() + "/tracks/"
                + album.trackId("SEBRW0000002"), renamed);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        eventually(() -> {
            JsonNode json = listener.get("/api/v1/albums/" + album.releaseId()).json();
            assertThat(field(json.get("tracks"), "title")).containsExactly("Opener", "Second (Remastered)", "Closer");
            assertThat(field(json.at("/tracks/1/artists"), "name")).containsExactly("Browse Band");
        });
    }

    @Test
    void anArtistPageListsReleasesNewestFirstAndTopTracksByPlays() {
        String artist = artist("Top Tracker");
        Ingested old = ingest(artist, "Early Days", "2001-05-01", List.of("pop"),
                List.of(track("SEBRW0000011", "Old Hit", 1, 1), track("SEBRW0000012", "Old B-Side", 1, 2)));
        Ingested recent = ingest(artist, "Later Years", "2011-05-01", List.of("pop"),
                List.of(track("SEBRW0000021", "New Hit", 1, 1)));
        Ingested middle = ingest(artist, "Middle Ages", "2006-05-01", List.of("pop"),
                List.of(track("SEBRW0000031", "Middling", 1, 1)));
        String newHit = recent.trackId("SEBRW0000021");
        String oldHit = old.trackId("SEBRW0000011");
        play(newHit, 3);
        play(oldHit, 1);

        eventually(() -> {
            ApiClient.Response page = listener.get("/api/v1/artists/" + artist);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode json = page.json();
            assertThat(json.get("name").asText()).isEqualTo("Top Tracker");
            assertThat(field(json.get("releases"), "title")).containsExactly("Later Years", "Middle Ages", "Early Days");
            assertThat(field(json.get("releases"), "releaseId"))
                    .containsExactly(recent.releaseId(), middle.releaseId(), old.releaseId());
            assertThat(json.at("/releases/0/artists/0/name").asText()).isEqualTo("Top Tracker");
            assertThat(field(json.get("topTracks"), "trackId")).hasSize(4).startsWith(newHit, oldHit);
            assertThat(field(json.get("topTracks"), "playCount")).startsWith("3", "1", "0", "0");
            assertThat(json.at("/topTracks/0/release/title").asText()).isEqualTo("Later Years");
            assertThat(json.at("/topTracks/0/artists/0/name").asText()).isEqualTo("Top Tracker");
        });
        assertThat(listener.get("/api/v1/tracks/" + newHit).json().get("playCount").asLong()).isEqualTo(3);

        // a track taken down everywhere leaves the top tracks
        assertThat(takeDown(recent.releaseId(), newHit, List.of(), "label request").status()).isEqualTo(200);
        eventually(() -> assertThat(field(listener.get("/api/v1/artists/" + artist).json().get("topTracks"),
                "trackId")).hasSize(3).startsWith(oldHit).doesNotContain(newHit));
    }

    @Test
    void aTakedownInOneTerritoryMakesTheTrackUnavailableThereUntilRestored() {
        String artist = artist("Territorial");
        Ingested release = ingest(artist, "Borders", "2015-09-01", List.of("folk"),
                List.of(track("SEBRW0000041", "Blocked In Sweden", 1, 1), track("SEBRW0000042", "Free", 1, 2)));
        String blocked = release.trackId("SEBRW0000041");
        play(blocked, 2);
        eventually(() -> assertThat(listener.get("/api/v1/tracks/" + blocked).json().get("playCount").asLong())
                .isEqualTo(2));

        assertThat(takeDown(release.releaseId(), blocked, List.of("SE"), "rights dispute").status()).isEqualTo(200);
        eventually(() -> assertThat(availability(release, "SE")).containsExactly("false", "true"));
        assertThat(availability(release, "NO")).containsExactly("true", "true");
        assertThat(availability(release, null)).containsExactly("true", "true");
        JsonNode inSweden = listener.get("/api/v1/albums/" + release.releaseId() + "?territory=SE").json();
        assertThat(inSweden.at("/tracks/0/unavailableReason").asText()).isEqualTo("taken down in SE");

        ApiClient.Response track = listener.get("/api/v1/tracks/" + blocked + "?territory=SE");
        assertThat(track.status()).as(track.toString()).isEqualTo(200);
        assertThat(track.json().get("available").asBoolean()).isFalse();
        assertThat(track.json().get("unavailableReason").asText()).isEqualTo("taken down in SE");
        assertThat(track.json().at("/takedown/everywhere").asBoolean()).isFalse();
        assertThat(texts(track.json().at("/takedown/territories"))).containsExactly("SE");
        assertThat(track.json().at("/takedown/reason").asText()).isEqualTo("rights dispute");
        assertThat(listener.get("/api/v1/tracks/" + blocked + "?territory=NO").json().get("available").asBoolean())
                .isTrue();

        assertThat(field(listener.get("/api/v1/artists/" + artist + "?territory=SE").json().get("topTracks"),
                "trackId")).doesNotContain(blocked);
        assertThat(field(listener.get("/api/v1/artists/" + artist + "?territory=NO").json().get("topTracks"),
                "trackId")).startsWith(blocked);

        assertThat(restore(release.releaseId(), blocked, List.of("SE")).status()).isEqualTo(200);
        eventually(() -> assertThat(availability(release, "SE")).containsExactly("true", "true"));
        assertThat(listener.get("/api/v1/tracks/" + blocked + "?territory=SE").json().get("takedown").isNull())
                .isTrue();

        // taken down everywhere, then every takedown lifted
        assertThat(takeDown(release.releaseId(), blocked, List.of(), "court order").status()).isEqualTo(200);
        eventually(() -> assertThat(availability(release, "NO")).containsExactly("false", "true"));
        JsonNode everywhere = listener.get("/api/v1/tracks/" + blocked).json();
        assertThat(everywhere.get("available").asBoolean()).isFalse();
        assertThat(everywhere.get("unavailableReason").asText()).isEqualTo("taken down everywhere");
        assertThat(everywhere.at("/takedown/everywhere").asBoolean()).isTrue();
        assertThat(restore(release.releaseId(), blocked, null).status()).isEqualTo(200);
        eventually(() -> assertThat(availability(release, null)).containsExactly("true", "true"));
    }

    @Test
    void aTrackIsUnavailableWhereItIsNotLicensed() {
        String artist = artist("Nordic Only");
        Map<String, Object> nordic = track("SEBRW0000051", "Fjord", 1, 1);
        nordic.put("territories", List.of("NO", "SE"));
        Ingested release = ingest(artist, "North", "2016-01-01", List.of("folk"), List.of(nordic));
        eventually(() -> assertThat(availability(release, "SE")).containsExactly("true"));
        assertThat(availability(release, "DE")).containsExactly("false");
        JsonNode track = listener.get("/api/v1/tracks/" + release.trackId("SEBRW0000051") + "?territory=DE").json();
        assertThat(track.get("unavailableReason").asText()).isEqualTo("not licensed in DE");
        assertThat(track.get("takedown").isNull()).isTrue();
    }

    @Test
    void newReleasesArePagedNewestReleaseDateFirst() {
        String artist = artist("Release Machine");
        Ingested first = ingest(artist, "Future One", "2091-01-01", List.of("ambient"),
                List.of(track("SEBRW0000061", "One", 1, 1)));
        Ingested third = ingest(artist, "Future Three", "2093-01-01", List.of("ambient"),
                List.of(track("SEBRW0000063", "Three", 1, 1)));
        Ingested second = ingest(artist, "Future Two", "2092-01-01", List.of("ambient"),
                List.of(track("SEBRW0000062", "Two", 1, 1)));

        eventually(() -> assertThat(allNewReleases().stream().map(r -> r.get("releaseId").asText()).toList())
                .containsSubsequence(third.releaseId(), second.releaseId(), first.releaseId()));
        List<JsonNode> all = allNewReleases();
        List<String> dates = all.stream().map(r -> r.get("releaseDate").isNull() ? "" : r.get("releaseDate").asText())
                .toList();
        assertThat(dates.stream().filter(d -> !d.isEmpty()).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonNode page = listener.get("/api/v1/browse/new-releases?limit=2").json();
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(0);
        assertThat(page.get("total").asLong()).isEqualTo(all.size());
        assertThat(field(page.get("items"), "releaseId")).containsExactly(all.get(0).get("releaseId").asText(),
                all.get(1).get("releaseId").asText());
        JsonNode next = listener.get("/api/v1/browse/new-releases?limit=2&offset=2").json();
        assertThat(field(next.get("items"), "releaseId")).first().isEqualTo(all.get(2).get("releaseId").asText());
        assertThat(page.at("/items/0/artists/0/name").asText()).isNotBlank();
    }

    @Test
    void genresCountTheirReleases() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String shoegaze = "shoegaze-" + suffix;
        String dreamPop = "dream pop-" + suffix;
        String artist = artist("Genre Hopper");
        ingest(artist, "Loud", "2019-01-01", List.of(shoegaze, dreamPop), List.of(track("SEBRW0000071", "A", 1, 1)));
        ingest(artist, "Louder", "2020-01-01", List.of(shoegaze), List.of(track("SEBRW0000072", "B", 1, 1)));

        eventually(() -> {
            Map<String, Long> counts = new HashMap<>();
            listener.get("/api/v1/browse/genres").json().get("genres")
                    .forEach(g -> counts.put(g.get("genre").asText(), g.get("releases").asLong()));
            assertThat(counts).containsEntry(shoegaze, 2L).containsEntry(dreamPop, 1L);
        });
    }

    @Test
    void unknownIdsAre404Problems() {
        assertProblem(listener.get("/api/v1/artists/no-such-artist"), 404, "no artist no-such-artist");
        assertProblem(listener.get("/api/v1/albums/no-such-album"), 404, "no album no-such-album");
        assertProblem(listener.get("/api/v1/tracks/no-such-track?territory=SE"), 404, "no track no-such-track");
    }

    @Test
    void badTerritoriesAndPagingAre400Problems() {
        assertProblem(listener.get("/api/v1/albums/x?territory=SWE"), 400, "territory");
        assertProblem(listener.get("/api/v1/tracks/x?territory=se"), 400, "territory");
        assertProblem(listener.get("/api/v1/artists/x?territory=ZZ"), 400, "territory ZZ");
        assertProblem(listener.get("/api/v1/search?q=x&territory=se"), 400, "territory");
        assertProblem(listener.get("/api/v1/search?q=x&territory=ZZ"), 400, "territory ZZ");
        assertProblem(listener.get("/api/v1/browse/new-releases?limit=0"), 400, "limit");
        assertProblem(listener.get("/api/v1/browse/new-releases?limit=51"), 400, "limit");
        assertProblem(listener.get("/api/v1/browse/new-releases?limit=ten"), 400, "limit");
        assertProblem(listener.get("/api/v1/browse/new-releases?offset=-1"), 400, "offset");
    }

    @Test
    void browsingNeedsASignedInUser() {
        assertThat(anonymous.get("/api/v1/browse/genres").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/browse/new-releases").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/artists/x").status()).isEqualTo(401);
    }

    @Test
    void aReplayFromZeroRebuildsTheSameReadModel() {
        String artist = artist("Replayed");
        Ingested release = ingest(artist, "Again", "2012-12-12", List.of("replay"),
                List.of(track("SEBRW0000081", "Once More", 1, 1), track("SEBRW0000082", "Twice", 1, 2)));
        String track = release.trackId("SEBRW0000082");
        play(track, 2);
        assertThat(takeDown(release.releaseId(), track, List.of("DK", "FI"), "dispute").status()).isEqualTo(200);
        assertThat(restore(release.releaseId(), track, List.of("FI")).status()).isEqualTo(200);
        eventually(() -> {
            JsonNode page = listener.get("/api/v1/tracks/" + track).json();
            assertThat(page.get("playCount").asLong()).isEqualTo(2);
            assertThat(texts(page.at("/takedown/territories"))).containsExactly("DK");
        });
        String album = listener.get("/api/v1/albums/" + release.releaseId() + "?territory=DK").body();
        String artistPage = listener.get("/api/v1/artists/" + artist).body();
        String trackPage = listener.get("/api/v1/tracks/" + track + "?territory=DK").body();

        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(CatalogBrowseProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(listener.get("/api/v1/albums/" + release.releaseId()).status()).isEqualTo(404);
        processor.start();

        eventually(() -> {
            assertThat(listener.get("/api/v1/albums/" + release.releaseId() + "?territory=DK").body()).isEqualTo(album);
            assertThat(listener.get("/api/v1/artists/" + artist).body()).isEqualTo(artistPage);
            assertThat(listener.get("/api/v1/tracks/" + track + "?territory=DK").body()).isEqualTo(trackPage);
        });
    }

    // --- helpers -------------------------------------------------------------------------------------

    private record Ingested(String releaseId, String upc, Map<String, String> trackIdsByIsrc) {
        String trackId(String isrc) {
            return trackIdsByIsrc.get(isrc);
        }
    }

    private String artist(String name) {
        ApiClient.Response response = admin.post("/api/v1/artists", Map.of("name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("artistId").asText();
    }

    private static Map<String, Object> track(String isrc, String title, int disc, int number) {
        Map<String, Object> track = Releases.track(isrc, title, number);
        track.put("discNumber", disc);
        return track;
    }

    private Ingested ingest(String artistId, String title, String releaseDate, List<String> genres,
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

    private void play(String trackId, int times) {
        // plays are checked against the browse read model, which follows the events
        eventually(() -> assertThat(listener.get("/api/v1/tracks/" + trackId).status()).isEqualTo(200));
        for (int i = 0; i < times; i++) {
            ApiClient.Response response = listener.post("/api/v1/me/plays", Map.of("playId", UUID.randomUUID().toString(),
                    "trackId", trackId, "startedAt", Instant.now().toString(), "msPlayed", 180_000));
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
        }
    }

    private ApiClient.Response takeDown(String releaseId, String trackId, List<String> territories, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("territories", territories);
        body.put("reason", reason);
        return admin.post("/api/v1/releases/" + releaseId + "/tracks/" + trackId + "/takedown", body);
    }

    private ApiClient.Response restore(String releaseId, String trackId, List<String> territories) {
        return admin.post("/api/v1/releases/" + releaseId + "/tracks/" + trackId + "/restore",
                territories == null ? Map.of() : Map.of("territories", territories));
    }

    /** {@code available} of the album's tracks in order, asked for {@code territory} (or none). */
    private List<String> availability(Ingested release, String territory) {
        ApiClient.Response page = listener.get("/api/v1/albums/" + release.releaseId()
                + (territory == null ? "" : "?territory=" + territory));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return field(page.json().get("tracks"), "available");
    }

    private List<JsonNode> allNewReleases() {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 50) {
            JsonNode page = listener.get("/api/v1/browse/new-releases?limit=50&offset=" + offset).json();
            page.get("items").forEach(all::add);
            if (page.get("items").size() < 50) {
                return all;
            }
        }
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(name).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

}
