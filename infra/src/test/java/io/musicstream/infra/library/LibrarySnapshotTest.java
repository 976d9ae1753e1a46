package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.events.ids.LibraryIds;
import io.musicstream.infra.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The library aggregate's snapshots: used when of the current revision, ignored when of an earlier one. */
class LibrarySnapshotTest extends LibraryIntegrationTest {

    @Autowired
    @Qualifier("libraryCache")
    Cache libraryCache;

    /**
     * A library that outgrows the snapshot threshold (250 events for a small one) is snapshotted, and once out
     * of the cache it loads from that snapshot with the same state: a save of what is there changes nothing,
     * a save of what was removed last does.
     */
    @Test
    void aLibraryIsSnapshottedAndLoadsBackFromItsSnapshot() {
        String userId = listener.get("/api/v1/me").json().get("userId").asText();
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(1), null));
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(2), null));
        for (int i = 0; i < 130; i++) {
            write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
            write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(0)));
        }
        String library = LibraryIds.of(userId);
        eventually(() -> assertThat(jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, library))
                .isEqualTo(1));
        // of the revision the snapshot filter accepts, so that it is used (the next test shows others are not)
        assertThat(jdbc.queryForObject("select payload_revision from snapshot_event_entry where aggregate_identifier = ?",
                String.class, library)).isEqualTo("2");

        libraryCache.removeAll();
        ApiClient.Response again = listener.put("/api/v1/me/library/tracks/" + tracks.get(1), null);
        write(again);
        assertThat(again.json().get("changed").asBoolean()).as("already saved before the snapshot").isFalse();
        ApiClient.Response back = listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null);
        long token = write(back);
        assertThat(back.json().get("changed").asBoolean()).as("removed last before the snapshot").isTrue();
        JsonNode saved = listener.get("/api/v1/me/library/tracks?minToken=" + token).json();
        List<String> ids = new ArrayList<>();
        saved.get("items").forEach(item -> ids.add(item.get("itemId").asText()));
        assertThat(ids).containsExactlyInAnyOrder(tracks.get(0), tracks.get(1), tracks.get(2));
    }

    /**
     * A snapshot of the library's earlier shape (no revision; {@code appliedChangeIds}, a list) is
     * ignored: the library is rebuilt from its events. This one claims an empty library; a save of the saved
     * track changes nothing only if the events, not the snapshot, were used.
     */
    @Test
    void aSnapshotOfAnEarlierRevisionIsIgnoredAndTheLibraryRebuiltFromItsEvents() {
        String userId = listener.get("/api/v1/me").json().get("userId").asText();
        String library = LibraryIds.of(userId);
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (?, 0, 'Library', ?, ?, ?, null, ?, ?)""", library, UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"libraryId\":\"" + library + "\",\"userId\":\"" + userId
                        + "\",\"items\":{},\"appliedChangeIds\":[],\"forgotAt\":null}").getBytes(StandardCharsets.UTF_8),
                io.musicstream.command.library.Library.class.getName(), Instant.now().toString());

        libraryCache.removeAll();
        ApiClient.Response again = listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null);
        write(again);
        assertThat(again.json().get("changed").asInt()).as("saved, by the events").isZero();
    }
}
