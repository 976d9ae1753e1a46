package io.musicstream.infra.browse;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The catalog-wide listings: new releases paged by release date, and genres with their release counts.
 */
class BrowseListingsTest extends CatalogBrowsing {

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
}
