package io.musicstream.infra.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.Releases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/playlists/{id}} as XSPF, JSPF and extended M3U: each export imported again through
 * {@code POST /api/v1/playlists/imports} gives a playlist of the same tracks in the same order, found by ISRC;
 * a private playlist's file is as invisible to others as the playlist, and another {@code Accept} is a 406.
 */
class PlaylistExportTest extends IntegrationTest {

    @Autowired
    EventStore events;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private List<String> tracks;

    @BeforeEach
    void catalog() {
        ApiClient admin = admin();
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Exporter " + run)).json().get("artistId")
                .asText();
        String isrcStem = "QZEXP" + String.format("%02d", (int) (Math.random() * 100));
        List<Map<String, Object>> specs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            specs.add(Releases.track(isrcStem + String.format("%05d", i), "Export " + run + " & <song> " + i, i));
        }
        String upc = "0055" + String.format("%08d", (int) (Math.random() * 99_999_999));
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc, "Export " + run, artistId,
                specs));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        tracks = new ArrayList<>();
        release.json().get("tracks").forEach(track -> tracks.add(track.get("trackId").asText()));
        eventually(() -> assertThat(admin.get("/api/v1/tracks/" + tracks.get(2)).status()).isEqualTo(200));
    }

    @Test
    void eachFormatsExportImportsAgainAsTheSameTracksInTheSameOrder() {
        ApiClient owner = newListener();
        List<String> order = List.of(tracks.get(1), tracks.get(0), tracks.get(2), tracks.get(0));
        String playlist = playlist(owner, order);

        for (String type : List.of("application/xspf+xml", "application/jspf+json", "audio/x-mpegurl")) {
            ApiClient.Response exported = owner.get("/api/v1/playlists/" + playlist, type);
            assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
            assertThat(exported.contentType()).startsWith(type);
            assertThat(exported.body()).contains("Export " + run);

            ApiClient.Response imported = owner.postRaw("/api/v1/playlists/imports", exported.body(), type);
            assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
            assertThat(imported.json().get("matched").asInt()).as(imported.toString()).isEqualTo(4);
            imported.json().get("report").forEach(entry -> assertThat(entry.get("matchedBy").asText())
                    .isEqualTo("ISRC"));
            assertThat(itemsOf(imported.json().get("playlistId").asText())).as(type).isEqualTo(order);
        }
    }

    @Test
    void aPrivatePlaylistsFileIsInvisibleToOthersAndOtherMediaTypesAreNotAcceptable() {
        ApiClient owner = newListener();
        String playlist = playlist(owner, List.of(tracks.get(0)));

        assertThat(newListener().get("/api/v1/playlists/" + playlist, "application/xspf+xml").status())
                .isEqualTo(404);
        assertThat(owner.get("/api/v1/playlists/" + playlist, "application/pdf").status()).isEqualTo(406);
        assertThat(owner.get("/api/v1/playlists/no-such-playlist", "audio/x-mpegurl").status()).isEqualTo(404);
    }

    /** A private playlist of {@code owner} holding these tracks, once the read model shows it. */
    private String playlist(ApiClient owner, List<String> trackIds) {
        ApiClient.Response created = owner.post("/api/v1/me/playlists", Map.of("name", "Export " + run + " <&>"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        ApiClient.Response added = owner.post("/api/v1/playlists/" + id + "/items", Map.of("trackIds", trackIds));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String snapshot = added.json().get("snapshotId").asText();
        assertThat(owner.get("/api/v1/playlists/" + id + "?minSnapshot=" + snapshot).status()).isEqualTo(200);
        return id;
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
}
