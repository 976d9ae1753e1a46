package io.musicstream.command.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.library.OfflineChangeOutcome.Status;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;

/** Offline batches: the later change wins per item, against the server and within the batch; the sync window. */
class LibraryOfflineChangesTest extends LibraryFixture {

    @Test
    void offlineChangesApplyInOrderWithTheDevicesTime() {
        fixture.given(saved("t-1", T0))
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.SAVE, "t-2", T1),
                        offline("c-2", LibraryAction.REMOVE, "t-1", T1),
                        offline("c-3", LibraryAction.SAVE, "t-3", T2)), 0, "SE", T3))
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-1"),
                        new ItemRemovedFromLibrary(USER, TRACK, "t-1", T1, "c-2"),
                        new ItemSavedToLibrary(USER, TRACK, "t-3", T2, "c-3"))
                .expectResultMessagePayloadMatching(outcomes(Status.APPLIED, Status.APPLIED, Status.APPLIED));
    }

    @Test
    void aLaterServerChangeTheDeviceHadNotSeenWins() {
        // the device synced to sequence 0 (t-1 saved at T0), went offline and removed t-1 at T1;
        // meanwhile another device removed and saved t-1 again at T2 (sequences 1 and 2)
        fixture.given(saved("t-1", T0), removed("t-1", T1.minusSeconds(1)), saved("t-1", T2))
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.REMOVE, "t-1", T1)), 0, "SE", T3))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching(List.of(new OfflineChangeOutcome("c-1",
                        Status.SUPERSEDED, TRACK, "t-1", true, T2, null))));
    }

    @Test
    void anEarlierServerChangeTheDeviceHadNotSeenLoses() {
        fixture.given(saved("t-1", T0), removed("t-1", T1))
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.SAVE, "t-1", T2)), 0, "SE", T3))
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-1", T2, "c-1"));
    }

    @Test
    void aServerChangeTheDeviceHadSeenNeverWinsEvenAgainstASkewedClock() {
        // the device saw sequence 1 (the removal at T2) and then saved t-1 offline, its clock saying T1
        fixture.given(saved("t-1", T0), removed("t-1", T2))
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.SAVE, "t-1", T1)), 1, "SE", T3))
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-1", T1, "c-1"));
    }

    @Test
    void onATieTheServerWins() {
        fixture.given(saved("t-1", T1))
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.REMOVE, "t-1", T1)), -1, "SE", T3))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Status.SUPERSEDED));
    }

    @Test
    void aDeviceClockAheadOfTheServerCountsAsTheServersTime() {
        fixture.givenNoPriorActivity()
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.SAVE, "t-1", T3.plusSeconds(3600))), -1, "SE", T3))
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-1", T3, "c-1"))
                .expectResultMessagePayloadMatching(matching(List.of(
                        new OfflineChangeOutcome("c-1", Status.APPLIED, TRACK, "t-1", true, T3, null))));
    }

    @Test
    void anOfflineRemovalOfAnItemNotInTheLibraryIsAppliedWithoutAnEvent() {
        fixture.given(saved("t-1", T0))
                .when(batch(0, offline("c-1", LibraryAction.REMOVE, "t-9", T1)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching(List.of(
                        new OfflineChangeOutcome("c-1", Status.APPLIED, TRACK, "t-9", false, null, null))));
    }

    @Test
    void anOfflineSaveOfAnUnavailableTrackIsRejectedAndTheRestApplies() {
        refused.put("t-down", new CatalogItems.Refusal(false, "track t-down is taken down everywhere"));
        fixture.givenNoPriorActivity()
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.SAVE, "t-down", T1),
                        offline("c-2", LibraryAction.SAVE, "t-1", T1)), -1, "SE", T3))
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-1", T1, "c-2"))
                .expectResultMessagePayloadMatching(matching(List.of(
                        new OfflineChangeOutcome("c-1", Status.REJECTED, TRACK, "t-down", false, null,
                                "track t-down is taken down everywhere"),
                        new OfflineChangeOutcome("c-2", Status.APPLIED, TRACK, "t-1", true, T1, null))));
    }

    @Test
    void anOfflineChangeMadeBeforeTheSyncWindowIsRejected() {
        Instant longAgo = T3.minus(Library.SYNC_WINDOW).minusSeconds(1);
        fixture.given(saved("t-1", T0))
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.REMOVE, "t-1", longAgo),
                        offline("c-2", LibraryAction.SAVE, "t-2", T3.minus(Library.SYNC_WINDOW))), 0, "SE", T3))
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-2", T3.minus(Library.SYNC_WINDOW), "c-2"))
                .expectResultMessagePayloadMatching(matching(List.of(
                        new OfflineChangeOutcome("c-1", Status.REJECTED, TRACK, "t-1", true, T0,
                                "made at " + longAgo + ", more than 90 days before it reached the server: "
                                        + "sync the library and make it again"),
                        new OfflineChangeOutcome("c-2", Status.APPLIED, TRACK, "t-2", true,
                                T3.minus(Library.SYNC_WINDOW), null))));
    }

    @Test
    void removalsOlderThanTheSyncWindowAreForgottenAndSavedItemsNever() {
        Library library = new Library();
        library.on(saved("t-1", T0), 0);
        library.on(removed("t-1", T1), 1);
        library.on(saved("t-2", T1), 2);
        library.on(removed("t-3", T0.plus(Duration.ofDays(30))), 3);
        assertThat(library.rememberedItems()).isEqualTo(3);

        library.on(saved("t-4", T1.plus(Library.SYNC_WINDOW).plusSeconds(1)), 4);
        assertThat(library.rememberedItems()).as("t-1's removal is forgotten").isEqualTo(3);
    }

    @Test
    void aForgottenRemovalDecidesNothingThatCouldStillArrive() {
        // with t-1's removal at T1 forgotten, a device save from inside the window still wins, as it would have
        Instant late = T1.plus(Library.SYNC_WINDOW).plus(Duration.ofDays(2));
        Instant deviceTime = late.minus(Library.SYNC_WINDOW).plusSeconds(1);
        fixture.given(saved("t-1", T0), removed("t-1", T1), saved("t-2", T1.plus(Library.SYNC_WINDOW).plusSeconds(1)))
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.SAVE, "t-1", deviceTime)), 0, "SE", late))
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-1", deviceTime, "c-1"));
    }

    @Test
    void inOneBatchALaterSaveOfASavedItemWinsWhateverTheOrder() {
        theLaterChangeWinsInEitherOrder("t-1", LibraryAction.REMOVE, LibraryAction.SAVE, false, true, T0);
    }

    @Test
    void inOneBatchALaterRemovalOfASavedItemWinsWhateverTheOrder() {
        theLaterChangeWinsInEitherOrder("t-1", LibraryAction.SAVE, LibraryAction.REMOVE, true, false, T2);
    }

    @Test
    void inOneBatchALaterSaveOfANewItemWinsWhateverTheOrder() {
        theLaterChangeWinsInEitherOrder("t-2", LibraryAction.REMOVE, LibraryAction.SAVE, true, true, T2);
    }

    @Test
    void inOneBatchALaterRemovalOfANewItemWinsWhateverTheOrder() {
        theLaterChangeWinsInEitherOrder("t-2", LibraryAction.SAVE, LibraryAction.REMOVE, false, false, null);
    }

    /**
     * Given t-1 saved at T0, a batch with an earlier (T1) and a later (T2) change to {@code item}, in both
     * orders: the later one is merged (its event, if it writes one, carries its id), the earlier one is
     * superseded, and both answer the item's state after the batch ({@code saved}, {@code changedAt}).
     */
    private void theLaterChangeWinsInEitherOrder(String item, LibraryAction earlier, LibraryAction later,
                                                 boolean writes, boolean saved, Instant changedAt) {
        for (boolean laterFirst : new boolean[] {true, false}) {
            String laterId = laterFirst ? "c-1" : "c-2";
            String earlierId = laterFirst ? "c-2" : "c-1";
            OfflineLibraryChange laterChange = offline(laterId, later, item, T2);
            OfflineLibraryChange earlierChange = offline(earlierId, earlier, item, T1);
            OfflineChangeOutcome applied = new OfflineChangeOutcome(laterId, Status.APPLIED, TRACK, item, saved,
                    changedAt, null);
            OfflineChangeOutcome superseded = new OfflineChangeOutcome(earlierId, Status.SUPERSEDED, TRACK, item, saved,
                    changedAt, null);
            ResultValidator<Library> result = fixture.given(saved("t-1", T0))
                    .when(laterFirst ? batch(0, laterChange, earlierChange) : batch(0, earlierChange, laterChange));
            if (!writes) {
                result.expectNoEvents();
            } else if (later == LibraryAction.SAVE) {
                result.expectEvents(new ItemSavedToLibrary(USER, TRACK, item, T2, laterId));
            } else {
                result.expectEvents(new ItemRemovedFromLibrary(USER, TRACK, item, T2, laterId));
            }
            result.expectResultMessagePayloadMatching(
                    matching(laterFirst ? List.of(applied, superseded) : List.of(superseded, applied)));
        }
    }

    @Test
    void onATieInOneBatchTheChangeLaterInTheBatchWins() {
        fixture.given(saved("t-1", T0))
                .when(batch(0,
                        offline("c-1", LibraryAction.REMOVE, "t-1", T1),
                        offline("c-2", LibraryAction.SAVE, "t-1", T1),
                        offline("c-3", LibraryAction.REMOVE, "t-1", T1)))
                .expectEvents(new ItemRemovedFromLibrary(USER, TRACK, "t-1", T1, "c-3"))
                .expectResultMessagePayloadMatching(outcomes(Status.SUPERSEDED, Status.SUPERSEDED, Status.APPLIED));
    }

    @Test
    void aMalformedBatchIsRefusedWhole() {
        fixture.givenNoPriorActivity()
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.SAVE, "t-1", T1),
                        offline("c-1", null, " ", null)), -1, "SE", T3))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("changes[1].clientChangeId c-1 appears twice; changes[1].action is required; "
                        + "changes[1].itemId is required; changes[1].clientTimestamp is required")
                .expectNoEvents();
    }

    @Test
    void anOfflineBatchOfMoreThan1000ChangesIsRefusedWhole() {
        List<OfflineLibraryChange> changes = IntStream.range(0, OfflineChangeRules.MAX_CHANGES + 1)
                .mapToObj(i -> offline("c-" + i, LibraryAction.SAVE, "t-" + i, T1)).toList();
        fixture.givenNoPriorActivity()
                .when(new ApplyOfflineLibraryChanges(USER, changes, -1, "SE", T3))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("changes holds 1001 changes; at most 1000 per batch")
                .expectNoEvents();
    }

    @Test
    void anOfflineBatchOf1000ChangesIsAccepted() {
        List<OfflineLibraryChange> changes = IntStream.range(0, OfflineChangeRules.MAX_CHANGES)
                .mapToObj(i -> offline("c-" + i, LibraryAction.SAVE, "t-" + i, T1)).toList();
        fixture.givenNoPriorActivity()
                .when(new ApplyOfflineLibraryChanges(USER, changes, -1, "SE", T3))
                .expectEvents(changes.stream()
                        .map(c -> new ItemSavedToLibrary(USER, TRACK, c.itemId(), T1, c.clientChangeId())).toArray());
    }

    @Test
    void controlCharactersOrOverLongIdsInOfflineChangesAreRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(batch(-1, offline("c\u0001", LibraryAction.SAVE, "t-1", T0),
                        offline("c-2", LibraryAction.SAVE, "t".repeat(101), T0)))
                .expectException(io.musicstream.command.common.InvalidInputException.class)
                .expectExceptionMessage("changes[0].clientChangeId: must not contain control characters (U+0001 at 1); "
                        + "changes[1].itemId: must be at most 100 characters, got 101")
                .expectNoEvents();
    }
}
