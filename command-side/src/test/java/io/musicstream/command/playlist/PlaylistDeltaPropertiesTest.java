package io.musicstream.command.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.playlist.PlaylistCreated;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.events.playlist.PlaylistItemsMoved;
import io.musicstream.events.playlist.PlaylistItemsRemoved;
import io.musicstream.events.playlist.PlaylistItemsReplaced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * For random sequences of adds, removals (by position and by track), moves and replacements, some made on
 * older snapshots: a device that applies the emitted events' position deltas to a plain list holds exactly the
 * aggregate's items, and an edit rebased from an older snapshot acted on the items it named there.
 */
class PlaylistDeltaPropertiesTest {

    private static final String PLAYLIST = "pl-p";
    private static final String OWNER = "u-1";
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    /** One random edit; its numbers become positions once the list it is made on is known. */
    record Edit(int kind, int a, int b, int c, int staleness) {

        Object command(List<String> base, String snapshotId) {
            int size = base.size();
            int kind = size == 0 && this.kind != 5 ? 0 : this.kind;
            return switch (kind) {
                case 0 -> new AddTracksToPlaylist(PLAYLIST, OWNER, tracks(1 + b % 3),
                        a % (size + 2) == size + 1 ? null : a % (size + 2), snapshotId, AT);
                case 1 -> {
                    TreeSet<Integer> positions = new TreeSet<>();
                    for (int i = 0; i <= b % 3; i++) {
                        positions.add((a + i * c) % size);
                    }
                    yield new RemoveTracksFromPlaylist(PLAYLIST, OWNER, null, List.copyOf(positions), snapshotId, AT);
                }
                case 2 -> new RemoveTracksFromPlaylist(PLAYLIST, OWNER, List.of("t-" + a % 6), null, snapshotId, AT);
                case 3, 4 -> {
                    int start = a % size;
                    yield new MovePlaylistItems(PLAYLIST, OWNER, start, 1 + b % (size - start), c % (size + 1),
                            snapshotId, AT);
                }
                default -> new ReplacePlaylistItems(PLAYLIST, OWNER, tracks(a % 4), AT);
            };
        }

        private List<String> tracks(int count) {
            List<String> tracks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                tracks.add("t-" + (c + i) % 6);
            }
            return tracks;
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, 5).withDistribution(net.jqwik.api.RandomDistribution.uniform()),
                Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(-1, 3)).as(Edit::new);
        return edit.list().ofMaxSize(40);
    }

    @Property(tries = 150)
    void aDeviceApplyingTheEventsHoldsTheAggregatesItems(@ForAll("edits") List<Edit> edits) {
        AggregateTestFixture<Playlist> fixture = new AggregateTestFixture<>(Playlist.class);
        List<Object> events = new ArrayList<>(List.of(
                new PlaylistCreated(PLAYLIST, OWNER, "P", null, false, false, AT, OWNER, "1")));
        List<PlaylistItem> device = new ArrayList<>();
        Map<Long, List<String>> idsAt = new HashMap<>(Map.of(1L, List.of()));
        long revision = 1;
        for (Edit edit : edits) {
            // staleness -1: no snapshot named; otherwise one up to 3 revisions old
            long base = Math.max(1, revision - Math.max(0, edit.staleness()));
            Object command = edit.command(idsAt.get(base), edit.staleness() < 0 ? null : Long.toString(base));
            fixture.given(events).when(command);
            List<Object> stored = fixture.getEventStore().readEvents(PLAYLIST).asStream().map(Message::getPayload)
                    .map(Object.class::cast).toList();
            for (Object event : stored.subList(events.size(), stored.size())) {
                if (event instanceof PlaylistItemsRemoved removed && command instanceof RemoveTracksFromPlaylist r
                        && r.positions() != null) {
                    // a rebased removal removed what was at its positions in the snapshot it was made on
                    List<String> atBase = idsAt.get(base);
                    assertThat(removed.itemIds())
                            .isEqualTo(removed.positions().stream().map(atBase::get).toList());
                }
                applyLikeADevice(device, event);
                revision++;
                idsAt.put(revision, ids(device));
            }
            events = new ArrayList<>(stored);
        }
        List<String> expected = ids(device);
        // a fresh fixture: one whose last command was refused keeps no state to read
        new AggregateTestFixture<>(Playlist.class).given(events)
                .when(new ChangePlaylistDetails(PLAYLIST, OWNER, null, null, null, null, AT))
                .expectSuccessfulHandlerExecution()
                .expectState(playlist -> assertThat(ids(playlist.items())).isEqualTo(expected));
    }

    /** What a device does with each event: plain list operations, independent of the aggregate's code. */
    private static void applyLikeADevice(List<PlaylistItem> list, Object event) {
        if (event instanceof PlaylistItemsAdded added) {
            list.addAll(added.position(), added.items());
        } else if (event instanceof PlaylistItemsRemoved removed) {
            for (int i = removed.positions().size() - 1; i >= 0; i--) {
                PlaylistItem gone = list.remove((int) removed.positions().get(i));
                assertThat(gone.itemId()).isEqualTo(removed.itemIds().get(i));
            }
        } else if (event instanceof PlaylistItemsMoved moved) {
            int start = moved.rangeStart();
            int insertBefore = moved.insertBefore();
            for (int k = 0; k < moved.rangeLength(); k++) {
                if (insertBefore < start) {
                    list.add(insertBefore + k, list.remove(start + k));
                } else {
                    list.add(insertBefore - 1, list.remove(start));
                }
            }
        } else if (event instanceof PlaylistItemsReplaced replaced) {
            list.clear();
            list.addAll(replaced.items());
        } else {
            throw new AssertionError("not an item event: " + event);
        }
    }

    private static List<String> ids(List<PlaylistItem> items) {
        return items.stream().map(PlaylistItem::itemId).toList();
    }
}
