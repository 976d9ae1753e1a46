package io.musicstream.infra.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** An admin replays a processor from the first event; its read model is rebuilt to the same answers. */
class ProcessorReplayTest extends IntegrationTest {

    @Test
    void aReplayedProcessorRebuildsItsReadModelWhileTheServiceRuns() {
        String trackId = playableTrack();
        ApiClient admin = admin();
        String title = admin.get("/api/v1/tracks/" + trackId).json().get("title").asText();

        ApiClient.Response replay = admin.post("/api/v1/admin/processors/catalog-browse/replay", "");

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().get("name").asText()).isEqualTo("catalog-browse");
        eventually(() -> {
            ApiClient.Response status = admin.get("/api/v1/admin/processors/catalog-browse");
            assertThat(status.json().get("behind").asLong()).isZero();
            assertThat(admin.get("/api/v1/tracks/" + trackId).json().get("title").asText()).isEqualTo(title);
        });
    }

    @Test
    void anUnknownProcessorCannotBeReplayed() {
        assertThat(admin().post("/api/v1/admin/processors/no-such-processor/replay", "").status()).isEqualTo(404);
    }
}
