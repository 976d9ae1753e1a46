package io.musicstream.infra.browse;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.infra.ApiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Album and artist pages: tracks in disc and track order with their artists, releases newest first, top
 * tracks ranked by plays and without tracks taken down.
 */
class BrowsePagesTest extends CatalogBrowsing {

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
    void pagesShowPopularityFromCountedStreamsAndTheArtistsMonthlyListeners() {
        String artist = artist("Popular Act");
        Ingested release = ingest(artist, "Charts", "2020-05-01", List.of("pop"),
                List.of(track("SEBRW0000041", "Smash", 1, 1), track("SEBRW0000042", "Filler", 1, 2),
                        track("SEBRW0000043", "Unplayed", 1, 3)));
        String smash = release.trackId("SEBRW0000041");
        String filler = release.trackId("SEBRW0000042");
        play(smash, 4);
        play(filler, 1);

        // the job runs every second in tests; popularity is relative to every track streamed in the suite
        eventually(() -> {
            JsonNode page = listener.get("/api/v1/artists/" + artist).json();
            assertThat(page.get("popularity").asInt()).isBetween(1, 100);
            assertThat(page.get("monthlyListeners").asLong()).isEqualTo(1);
            assertThat(field(page.get("topTracks"), "trackId")).startsWith(smash, filler);
            assertThat(page.at("/topTracks/0/popularity").asInt()).isGreaterThan(page.at("/topTracks/1/popularity").asInt());
            assertThat(page.at("/topTracks/1/popularity").asInt()).isPositive();
            assertThat(page.at("/topTracks/2/popularity").asInt()).isZero();
        });
        JsonNode smashPage = listener.get("/api/v1/tracks/" + smash).json();
        assertThat(smashPage.get("popularity").asInt()).isBetween(1, 100);
        assertThat(smashPage.get("playCount").asLong()).isEqualTo(4);
        assertThat(listener.get("/api/v1/albums/" + release.releaseId()).json().get("popularity").asInt())
                .isBetween(1, 100);
        assertThat(listener.get("/api/v1/tracks/" + release.trackId("SEBRW0000043")).json().get("popularity").asInt())
                .isZero();
    }
}
