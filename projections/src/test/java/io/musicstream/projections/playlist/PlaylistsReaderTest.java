package io.musicstream.projections.playlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.projections.playlist.PlaylistFixture.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the playlists read model: pages of items, changes a device applies, a user's playlists. */
class PlaylistsReaderTest {

    private final PlaylistFixture fixture = new PlaylistFixture();

    @Test
    void aDeviceApplyingTheChangesToItsOldItemsEndsWithTheCurrentItems() {
        Source p = new Source("p1", "ada");
        fixture.driver.deliver(p.created(false), p.appended("t1", "t2", "t3", "t4"));
        List<String> onDevice = p.itemIds();
        long seen = p.snapshot;

        fixture.driver.deliver(p.added(2, "t5", "t6"), p.removed(0, 3), p.moved(0, 2, 4), p.renamed("x"),
                p.appended("t7"));
        Playlists.Changes changes = fixture.reader.changes("p1", seen).orElseThrow();

        assertThat(changes.reset()).isFalse();
        assertThat(changes.operations()).extracting(op -> op.get("op")).containsExactly("add", "remove", "move", "add");
        assertThat(changes.snapshotId()).isEqualTo(Long.toString(p.snapshot));
        assertThat(PlaylistFixture.apply(onDevice, changes)).containsExactlyElementsOf(p.itemIds());
    }

    @Test
    void changesSinceAnUnknownSnapshotOrOneBeforeAReplaceAnswerWithEveryItem() {
        Source p = new Source("p1", "ada");
        fixture.driver.deliver(p.created(false), p.appended("t1", "t2"), p.replaced("t3"), p.appended("t4"));

        Playlists.Changes future = fixture.reader.changes("p1", 99).orElseThrow();
        Playlists.Changes beforeReplace = fixture.reader.changes("p1", 2).orElseThrow();
        Playlists.Changes afterReplace = fixture.reader.changes("p1", 3).orElseThrow();

        assertThat(future.reset()).isTrue();
        assertThat(future.items()).extracting(Playlists.Item::trackId).containsExactly("t3", "t4");
        assertThat(beforeReplace.reset()).isTrue();
        assertThat(afterReplace.reset()).isFalse();
        assertThat(afterReplace.operations()).hasSize(1);
        assertThat(fixture.reader.changes("p1", 4).orElseThrow().operations()).isEmpty();
    }

    @Test
    void itemsPageByPosition() {
        Source p = new Source("p1", "ada");
        fixture.driver.deliver(p.created(false), p.appended("t0", "t1", "t2", "t3", "t4"), p.removed(1));

        Playlists.ItemPage page = fixture.reader.items("p1", 2, 2).orElseThrow();

        assertThat(page.total()).isEqualTo(4);
        assertThat(page.snapshotId()).isEqualTo("3");
        assertThat(page.items()).extracting(Playlists.Item::trackId).containsExactly("t3", "t4");
        assertThat(page.items()).extracting(Playlists.Item::position).containsExactly(2, 3);
    }

    @Test
    void aUsersPlaylistsArePagedNewestFirst() {
        Source a = new Source("pa", "ada");
        Source b = new Source("pb", "ada");
        b.at = b.at.plusSeconds(100);
        fixture.driver.deliver(a.created(false), b.created(true), new Source("pc", "bo").created(true));

        Playlists.SummaryPage first = fixture.reader.ofUser("ada", 1, 0);
        Playlists.SummaryPage beyond = fixture.reader.ofUser("ada", 1, 5);

        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).extracting(Playlists.Summary::playlistId).containsExactly("pb");
        assertThat(beyond.total()).isEqualTo(2);
        assertThat(beyond.items()).isEmpty();
    }

    @Test
    void aReadWaitsForItsSnapshotAndGivesUpAfterTheWait() {
        Source p = new Source("p1", "ada");
        fixture.driver.deliver(p.created(false), p.appended("t1"));
        for (int sequence = 0; sequence < 3; sequence++) {
            fixture.jdbc.update("""
                            insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                                payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                            values (?, null, ?, '1', 'x', '2026-12-01T10:00:00Z', 'p1', ?, 'Playlist')""",
                    "e" + sequence, new byte[0], sequence);
        }

        assertThat(fixture.reader.awaitSnapshot("p1", 2)).isTrue();
        // issued (three events allow snapshot 3) but not projected yet
        assertThatThrownBy(() -> fixture.reader.awaitSnapshot("p1", 3))
                .isInstanceOf(Playlists.NotCaughtUpException.class);
        // never issued: no waiting
        assertThat(fixture.reader.awaitSnapshot("p1", 4)).isFalse();
        assertThat(fixture.reader.awaitSnapshot("p2", 1)).isFalse();
    }
}
