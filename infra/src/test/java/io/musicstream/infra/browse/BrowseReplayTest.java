package io.musicstream.infra.browse;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.projections.catalog.browse.CatalogBrowseProjection;
import java.util.List;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalog-browse projection replays from zero into the same pages.
 */
class BrowseReplayTest extends CatalogBrowsing {

    @Autowired
    org.axonframework.config.Configuration axon;

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
            // popularity comes from its own job, apart from this projection: the pages are taken once it ran
            assertThat(page.get("popularity").asInt()).isPositive();
            assertThat(listener.get("/api/v1/albums/" + release.releaseId()).json().get("popularity").asInt())
                    .isPositive();
            assertThat(listener.get("/api/v1/artists/" + artist).json().get("popularity").asInt()).isPositive();
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
}
