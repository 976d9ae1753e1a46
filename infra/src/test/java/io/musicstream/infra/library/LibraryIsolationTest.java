package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.infra.ApiClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One user never sees, through any read, nor changes, through any write, another user's library. */
class LibraryIsolationTest extends LibraryIntegrationTest {

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
}
