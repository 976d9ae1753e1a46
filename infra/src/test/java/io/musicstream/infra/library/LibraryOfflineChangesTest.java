package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.infra.ApiClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offline change batches merge item by item, and a replayed batch changes nothing. */
class LibraryOfflineChangesTest extends LibraryIntegrationTest {

    @Test
    void offlineChangesMergeItemByItemAndAReplayedBatchChangesNothing() {
        long synced = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        // another device removes track 0 now; the offline device removed it earlier and saved others
        // microseconds: what the store keeps, and the feed writes them as Instant.toString does
        Instant offlineTime = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plusNanos(123_456_000);
        long removed = write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(0)));
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("lastSyncToken", synced);
        batch.put("changes", List.of(
                offline("c-1", "save", "track", tracks.get(0), offlineTime),
                offline("c-2", "save", "track", tracks.get(1), offlineTime),
                offline("c-3", "save", "track", takenDown, offlineTime),
                offline("c-4", "save", "album", album, offlineTime.plusSeconds(1)),
                offline("c-5", "save", "track", tracks.get(2), offlineTime.minus(java.time.Duration.ofDays(91)))));
        ApiClient.Response merged = listener.post("/api/v1/me/library/changes", batch);
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode results = merged.json().get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("superseded");
        assertThat(results.get(0).get("saved").asBoolean()).isFalse();
        assertThat(results.get(1).get("status").asText()).isEqualTo("applied");
        assertThat(results.get(2).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(2).get("reason").asText()).contains("taken down");
        assertThat(results.get(3).get("status").asText()).isEqualTo("applied");
        assertThat(results.get(4).get("status").asText()).isEqualTo("rejected");
        assertThat(results.get(4).get("reason").asText()).contains("more than 90 days before it reached the server");
        long token = merged.json().get("syncToken").asLong();
        assertThat(token).isGreaterThan(removed);

        ApiClient.Response replay = listener.post("/api/v1/me/library/changes", batch);
        assertThat(replay.json().get("syncToken").asLong()).isEqualTo(token);
        assertThat(replay.json().get("results")).isEqualTo(results);

        JsonNode feed = listener.get("/api/v1/me/sync?since=" + removed + "&minToken=" + token).json();
        assertThat(changes(feed)).containsExactly("added track " + tracks.get(1), "added album " + album);
        assertThat(feed.at("/changes/0/clientChangeId").asText()).isEqualTo("c-2");
        assertThat(feed.at("/changes/0/at").asText()).isEqualTo(offlineTime.toString());
        assertThat(feed.at("/changes/1/at").asText()).isEqualTo(offlineTime.plusSeconds(1).toString());
        // a snapshot lists the saves with the same times
        JsonNode snapshot = listener.get("/api/v1/me/sync?since=0").json();
        assertThat(changes(snapshot)).containsExactly("added track " + tracks.get(1), "added album " + album);
        assertThat(snapshot.at("/changes/0/at").asText()).isEqualTo(offlineTime.toString());
        assertThat(snapshot.at("/changes/1/at").asText()).isEqualTo(offlineTime.plusSeconds(1).toString());
    }
}
