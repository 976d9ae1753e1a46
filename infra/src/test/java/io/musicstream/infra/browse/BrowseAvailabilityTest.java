package io.musicstream.infra.browse;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.infra.ApiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What can be played where: takedowns and restores per territory or everywhere, and licensed territories,
 * on album, track and artist pages.
 */
class BrowseAvailabilityTest extends CatalogBrowsing {

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
}
