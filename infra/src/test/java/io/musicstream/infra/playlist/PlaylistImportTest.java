package io.musicstream.infra.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.playlist.PlaylistCreated;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.Releases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/playlists/imports}: each format's file becomes a playlist of the caller's holding the
 * entries matched (by ISRC, else by title and artist through search) in the file's order, with a report per
 * entry; bad files (XXE, wrong root, too many bytes, an unknown media type) are 4xx problems that create nothing.
 */
class PlaylistImportTest extends IntegrationTest {

    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String artist;
    private String isrcStem;
    private List<String> tracks;

    @BeforeEach
    void catalog() {
        ApiClient admin = admin();
        artist = "Importer " + run;
        String artistId = admin.post("/api/v1/artists", Map.of("name", artist)).json().get("artistId").asText();
        isrcStem = "QZIMP" + String.format("%02d", (int) (Math.random() * 100));
        List<Map<String, Object>> specs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            specs.add(Releases.track(isrcStem + String.format("%05d", i), "Import " + run + " song " + i, i));
        }
        String upc = "0066" + String.format("%08d", (int) (Math.random() * 99_999_999));
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc, "Import " + run, artistId,
                specs));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        tracks = new ArrayList<>();
        release.json().get("tracks").forEach(track -> tracks.add(track.get("trackId").asText()));
        String query = URLEncoder.encode("Import " + run + " song 3", StandardCharsets.UTF_8);
        eventually(() -> assertThat(admin.get("/api/v1/search?q=" + query + "&type=track").body())
                .contains(tracks.get(2)));
    }

    @Test
    void anXspfFileBecomesAPlaylistOfTheMatchedTracksInTheFilesOrder() {
        String xspf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <playlist version="1" xmlns="http://xspf.org/ns/0/">
                  <title>Road trip %1$s</title>
                  <annotation>made elsewhere</annotation>
                  <trackList>
                    <track><title>whatever</title><identifier>urn:isrc:%2$s00002</identifier></track>
                    <track><title>Import %1$s Song 3</title><creator>%3$s</creator><duration>354000</duration></track>
                    <track><title>No such song %1$s</title><creator>Nobody %1$s</creator></track>
                    <track><identifier>isrc:%2$s00001</identifier></track>
                  </trackList>
                </playlist>
                """.formatted(run, isrcStem, artist);
        ApiClient listener = newListener();

        ApiClient.Response imported = listener.postRaw("/api/v1/playlists/imports", xspf, "application/xspf+xml");

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonNode report = imported.json();
        assertThat(report.get("name").asText()).isEqualTo("Road trip " + run);
        assertThat(report.get("entries").asInt()).isEqualTo(4);
        assertThat(report.get("matched").asInt()).isEqualTo(3);
        assertThat(report.at("/report/0/matchedBy").asText()).isEqualTo("ISRC");
        assertThat(report.at("/report/1/matchedBy").asText()).isEqualTo("TITLE_ARTIST");
        assertThat(report.at("/report/1/trackId").asText()).isEqualTo(tracks.get(2));
        assertThat(report.at("/report/2/reason").asText()).isEqualTo("NOT_FOUND");
        assertThat(imported.header("Location")).endsWith("/api/v1/playlists/" + report.get("playlistId").asText());
        assertThat(itemsOf(report.get("playlistId").asText()))
                .containsExactly(tracks.get(1), tracks.get(2), tracks.get(0));
        assertThat(created(report.get("playlistId").asText()).ownerId()).isEqualTo(listener.get("/api/v1/me").json()
                .get("userId").asText());
    }

    @Test
    void jspfAndExtendedM3uFilesImportToo() {
        String jspf = """
                {"playlist": {"title": "JSPF %1$s", "track": [
                  {"title": "x", "identifier": ["isrc:%2$s00003"]},
                  {"title": "Import %1$s song 1", "creator": "%3$s"}]}}
                """.formatted(run, isrcStem, artist);
        ApiClient listener = newListener();
        ApiClient.Response fromJspf = listener.postRaw("/api/v1/playlists/imports?public=true", jspf,
                "application/jspf+json");
        assertThat(fromJspf.status()).as(fromJspf.toString()).isEqualTo(201);
        assertThat(itemsOf(fromJspf.json().get("playlistId").asText())).containsExactly(tracks.get(2), tracks.get(0));
        assertThat(created(fromJspf.json().get("playlistId").asText()).isPublic()).isTrue();

        String m3u = """
                #EXTM3U
                #PLAYLIST:M3U %1$s
                #EXTINF:354,%3$s - Import %1$s song 2
                music/song2.mp3
                #ISRC:%2$s00001
                #EXTINF:-1,Somebody - Something else
                music/song1.mp3
                """.formatted(run, isrcStem, artist);
        ApiClient.Response fromM3u = listener.postRaw("/api/v1/playlists/imports?name=Mine", m3u,
                "audio/x-mpegurl; charset=utf-8");
        assertThat(fromM3u.status()).as(fromM3u.toString()).isEqualTo(201);
        assertThat(fromM3u.json().get("name").asText()).isEqualTo("Mine");
        assertThat(itemsOf(fromM3u.json().get("playlistId").asText())).containsExactly(tracks.get(1), tracks.get(0));
    }

    @Test
    void badFilesAreProblemsAndCreateNothing() {
        ApiClient listener = newListener();
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE playlist [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <playlist version="1" xmlns="http://xspf.org/ns/0/"><title>&x;</title><trackList/></playlist>
                """;
        assertProblem(listener.postRaw("/api/v1/playlists/imports", xxe, "application/xspf+xml"), 422);
        assertProblem(listener.postRaw("/api/v1/playlists/imports", "<html><body/></html>", "application/xspf+xml"),
                422);
        assertProblem(listener.postRaw("/api/v1/playlists/imports", "{\"playlist\": [", "application/jspf+json"), 422);
        assertProblem(listener.postRaw("/api/v1/playlists/imports", "#EXTM3U\n\u0000\n", "audio/x-mpegurl"), 422);
        assertProblem(listener.postRaw("/api/v1/playlists/imports", "a,b\n", "text/csv"), 415);
        assertProblem(listener.postRaw("/api/v1/playlists/imports", "#EXTM3U\n" + "x".repeat(9 * 1024 * 1024),
                "audio/x-mpegurl"), 413);
        assertProblem(anonymous.postRaw("/api/v1/playlists/imports", "#EXTM3U\n", "audio/x-mpegurl"), 401);
        assertThat(jdbc.sql("""
                        select count(*) from domain_event_entry where payload_type = ?
                        and convert_from(payload, 'UTF8')::jsonb ->> 'ownerId' = ?""")
                .params(PlaylistCreated.class.getName(), listener.get("/api/v1/me").json().get("userId").asText())
                .query(Long.class).single()).as("playlists the bad files created").isZero();
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
    }

    private List<String> itemsOf(String playlistId) {
        List<String> items = new ArrayList<>();
        DomainEventStream stream = events.readEvents(playlistId);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof PlaylistItemsAdded added) {
                added.items().stream().map(PlaylistItem::trackId).forEach(items::add);
            }
        }
        return items;
    }

    private PlaylistCreated created(String playlistId) {
        return (PlaylistCreated) events.readEvents(playlistId).next().getPayload();
    }
}
