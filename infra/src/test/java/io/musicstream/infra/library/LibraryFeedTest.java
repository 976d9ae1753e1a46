package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.projections.library.SyncRetention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sync feed: changes once and in order with tombstones, snapshots paged like the rest, and after pruning. */
class LibraryFeedTest extends LibraryIntegrationTest {

    @Test
    void savesRemovalsAndFollowsAppearInTheFeedOnceInOrderWithTombstones() {
        long start = listener.get("/api/v1/me/sync").json().get("syncToken").asLong();
        write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        write(listener.put("/api/v1/me/library/albums/" + album, null));
        write(listener.put("/api/v1/me/library/artists/" + artist, null));
        long last = write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(0)));

        JsonNode page = listener.get("/api/v1/me/sync?since=" + start + "&minToken=" + last).json();
        assertThat(page.get("reset").asBoolean()).isFalse();
        assertThat(page.get("hasMore").asBoolean()).isFalse();
        assertThat(changes(page)).containsExactly("added track " + tracks.get(0), "added album " + album,
                "added artist " + artist, "removed track " + tracks.get(0));
        List<Long> tokens = new ArrayList<>();
        page.get("changes").forEach(c -> tokens.add(c.get("token").asLong()));
        assertThat(tokens).isSorted().doesNotHaveDuplicates().allMatch(t -> t > start && t <= last);
        assertThat(page.get("syncToken").asLong()).isGreaterThanOrEqualTo(last);

        JsonNode after = listener.get("/api/v1/me/sync?since=" + page.get("syncToken").asLong()).json();
        assertThat(changes(after)).isEmpty();
    }

    @Test
    void aFirstSyncIsASnapshotOfTheLibraryPagedLikeTheRest() {
        long last = write(listener.put("/api/v1/me/library/tracks", Map.of("ids", tracks)));
        write(listener.put("/api/v1/me/library/albums/" + album, null));
        last = write(listener.delete("/api/v1/me/library/tracks/" + tracks.get(1)));

        JsonNode first = listener.get("/api/v1/me/sync?since=0&limit=2&minToken=" + last).json();
        assertThat(first.get("reset").asBoolean()).isTrue();
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode second = listener.get("/api/v1/me/sync?since=" + first.get("syncToken").asLong()
                + "&snapshotAfter=" + first.get("snapshotAfter").asLong() + "&limit=2").json();
        assertThat(second.get("reset").asBoolean()).isFalse();
        assertThat(second.get("hasMore").asBoolean()).isFalse();
        List<String> snapshot = new ArrayList<>(changes(first));
        snapshot.addAll(changes(second));
        assertThat(snapshot).containsExactly("added track " + tracks.get(0), "added track " + tracks.get(2),
                "added album " + album);
        assertThat(second.get("syncToken").asLong()).isEqualTo(first.get("syncToken").asLong());
    }

    @Autowired
    SyncRetention retention;

    @Test
    void aTokenOlderThanWhatTheFeedKeepsGetsASnapshot() {
        long first = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(0), null));
        long second = write(listener.put("/api/v1/me/library/tracks/" + tracks.get(1), null));
        listener.get("/api/v1/me/sync?since=" + second + "&minToken=" + second);
        retention.prune(first);

        JsonNode stale = listener.get("/api/v1/me/sync?since=" + (first - 1)).json();
        assertThat(stale.get("reset").asBoolean()).isTrue();
        assertThat(changes(stale)).containsExactly("added track " + tracks.get(0), "added track " + tracks.get(1));
        JsonNode recent = listener.get("/api/v1/me/sync?since=" + first).json();
        assertThat(recent.get("reset").asBoolean()).isFalse();
        assertThat(changes(recent)).containsExactly("added track " + tracks.get(1));
    }
}
