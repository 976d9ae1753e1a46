package io.musicstream.command.library;

import static io.musicstream.command.library.LibraryAction.REMOVE;
import static io.musicstream.command.library.LibraryAction.SAVE;
import static io.musicstream.command.library.OfflineChangeOutcome.Status.APPLIED;
import static io.musicstream.command.library.OfflineChangeOutcome.Status.REJECTED;
import static io.musicstream.command.library.OfflineChangeOutcome.Status.SUPERSEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.library.OfflineChangeOutcome.Status;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryEvent;
import io.musicstream.events.library.LibraryItemType;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The offline merge of one change as a table: the item's state and the change in, the answer and event out. */
class OfflineMergeTest {

    private static final LibraryItemType TRACK = LibraryItemType.TRACK;
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    /** When the batch reached the server. */
    private static final Instant NOW = T0.plusSeconds(180);
    private static final Instant WINDOW_START = NOW.minus(Library.SYNC_WINDOW);

    /**
     * One row: the item's state before ({@code null}: unknown), the change (its action and device time), what
     * the library knows of it, and what the merge must answer. {@code writes} says whether the change is
     * recorded as an event at {@code changedAt}.
     */
    record Case(String name, ItemState current, LibraryAction action, Instant at, long lastSeenSequence,
                boolean redelivered, String refusal, Status status, boolean saved, Instant changedAt, String reason,
                boolean writes) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static ItemState saved(Instant at, long sequence) {
        return new ItemState(true, at, sequence);
    }

    private static ItemState removed(Instant at, long sequence) {
        return new ItemState(false, at, sequence);
    }

    static Stream<Case> cases() {
        String tooOld = "made at " + WINDOW_START.minusSeconds(1) + ", more than 90 days before it reached the"
                + " server: sync the library and make it again";
        return Stream.of(
                new Case("a save of an unknown item is recorded", null, SAVE, T1, 0, false, null,
                        APPLIED, true, T1, null, true),
                new Case("a removal of a saved item is recorded", saved(T0, 0), REMOVE, T1, 0, false, null,
                        APPLIED, false, T1, null, true),
                new Case("a save of what is saved writes nothing", saved(T0, 0), SAVE, T1, 0, false, null,
                        APPLIED, true, T0, null, false),
                new Case("a removal of what was removed writes nothing", removed(T0, 0), REMOVE, T1, 0, false, null,
                        APPLIED, false, T0, null, false),
                new Case("a removal of an unknown item writes nothing", null, REMOVE, T1, -1, false, null,
                        APPLIED, false, null, null, false),
                new Case("a redelivery is answered with the item's state", saved(T1, 3), SAVE, T1, 0, true, null,
                        APPLIED, true, T1, null, false),
                new Case("a redelivery is answered even when a later change followed", removed(T2, 4), SAVE, T1, 0,
                        true, null, APPLIED, false, T2, null, false),
                new Case("a later unseen server change wins", saved(T2, 2), REMOVE, T1, 0, false, null,
                        SUPERSEDED, true, T2, null, false),
                new Case("on a tie with an unseen server change the server wins", saved(T1, 0), REMOVE, T1, -1,
                        false, null, SUPERSEDED, true, T1, null, false),
                new Case("an earlier unseen server change loses", removed(T1, 1), SAVE, T2, 0, false, null,
                        APPLIED, true, T2, null, true),
                new Case("a seen server change never wins, even against a skewed clock", removed(T2, 1), SAVE, T1,
                        1, false, null, APPLIED, true, T1, null, true),
                new Case("a device clock ahead of the server counts as the server's time", null, SAVE,
                        NOW.plusSeconds(3600), -1, false, null, APPLIED, true, NOW, null, true),
                new Case("a change made before the sync window is rejected", saved(T0, 0), REMOVE,
                        WINDOW_START.minusSeconds(1), 0, false, null, REJECTED, true, T0, tooOld, false),
                new Case("a change made as the sync window starts is merged", null, SAVE, WINDOW_START, 0, false,
                        null, APPLIED, true, WINDOW_START, null, true),
                new Case("a save the catalog refuses is rejected with its reason", null, SAVE, T1, -1, false,
                        "track t-1 is taken down everywhere", REJECTED, false, null,
                        "track t-1 is taken down everywhere", false),
                new Case("a refused save that lost to an unseen server change is superseded", removed(T2, 1), SAVE,
                        T1, 0, false, "gone", SUPERSEDED, false, T2, null, false),
                new Case("a removal is never refused", saved(T0, 0), REMOVE, T1, 0, false, "gone",
                        APPLIED, false, T1, null, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesEachChangeFromTheItemsStateAlone(Case c) {
        ApplyOfflineLibraryChanges batch = new ApplyOfflineLibraryChanges("u-1", List.of(), c.lastSeenSequence(),
                "SE", NOW);
        OfflineLibraryChange change = new OfflineLibraryChange("c-1", c.action(), TRACK, "t-1", c.at());

        OfflineMerge.Result result = OfflineMerge.decide(batch, change, c.current(), c.redelivered(),
                c.refusal() == null ? null : new CatalogItems.Refusal(false, c.refusal()));

        assertThat(result.outcome()).isEqualTo(new OfflineChangeOutcome("c-1", c.status(), TRACK, "t-1", c.saved(),
                c.changedAt(), c.reason()));
        LibraryEvent expected = !c.writes() ? null : c.action() == SAVE
                ? new ItemSavedToLibrary("u-1", TRACK, "t-1", c.changedAt(), "c-1")
                : new ItemRemovedFromLibrary("u-1", TRACK, "t-1", c.changedAt(), "c-1");
        assertThat(result.event()).isEqualTo(expected);
    }

    @Test
    void perItemABatchMergesOnlyTheChangeItEndsWithInBatchOrder() {
        OfflineLibraryChange first = new OfflineLibraryChange("c-1", SAVE, TRACK, "t-1", T2);
        OfflineLibraryChange other = new OfflineLibraryChange("c-2", SAVE, TRACK, "t-2", T1);
        OfflineLibraryChange earlier = new OfflineLibraryChange("c-3", REMOVE, TRACK, "t-1", T1);
        OfflineLibraryChange album = new OfflineLibraryChange("c-4", SAVE, LibraryItemType.ALBUM, "t-1", T0);
        OfflineLibraryChange tie = new OfflineLibraryChange("c-5", REMOVE, TRACK, "t-2", T1);

        assertThat(OfflineMerge.lastChangeOfEachItem(List.of(first, other, earlier, album, tie)))
                .as("the latest by the device's clock; on a tie the later in the batch; a track is not an album")
                .containsExactly(first, album, tie);
    }
}
