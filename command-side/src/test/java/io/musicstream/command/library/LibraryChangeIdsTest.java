package io.musicstream.command.library;

import io.musicstream.command.library.OfflineChangeOutcome.Status;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redelivered offline changes are answered without being merged again; reused change ids are merged anew. */
class LibraryChangeIdsTest extends LibraryFixture {

    @Test
    void replayingTheSameBatchChangesNothingAndAnswersTheSame() {
        fixture.given(saved("t-1", T0), new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-1"),
                        new ItemRemovedFromLibrary(USER, TRACK, "t-1", T1, "c-2"))
                .when(new ApplyOfflineLibraryChanges(USER, List.of(
                        offline("c-1", LibraryAction.SAVE, "t-2", T1),
                        offline("c-2", LibraryAction.REMOVE, "t-1", T1)), 0, "SE", T3))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Status.APPLIED, Status.APPLIED));
    }

    /** A batch in which one change loses to a later one of the same batch, and one that writes an event. */
    private static final ApplyOfflineLibraryChanges MIXED_BATCH = batch(0,
            offline("c-1", LibraryAction.REMOVE, "t-0", T1),
            offline("c-2", LibraryAction.SAVE, "t-0", T2),
            offline("c-3", LibraryAction.SAVE, "t-2", T1));

    private static final List<OfflineChangeOutcome> MIXED_BATCH_OUTCOMES = List.of(
            new OfflineChangeOutcome("c-1", Status.SUPERSEDED, TRACK, "t-0", true, T0, null),
            new OfflineChangeOutcome("c-2", Status.APPLIED, TRACK, "t-0", true, T0, null),
            new OfflineChangeOutcome("c-3", Status.APPLIED, TRACK, "t-2", true, T1, null));

    @Test
    void aBatchWithALoserInsideItIsMergedOnce() {
        fixture.given(saved("t-0", T0))
                .when(MIXED_BATCH)
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-3"))
                .expectResultMessagePayloadMatching(matching(MIXED_BATCH_OUTCOMES));
    }

    @Test
    void itsRedeliveryWritesNothingAndAnswersTheSameFieldByField() {
        fixture.given(saved("t-0", T0), new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-3"))
                .when(MIXED_BATCH)
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching(MIXED_BATCH_OUTCOMES));
    }

    @Test
    void aReusedChangeIdForAnotherItemIsMergedAsANewChange() {
        // another device (or a reinstalled app) already used c-1 for saving t-2
        fixture.given(new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-1"))
                .when(batch(0, offline("c-1", LibraryAction.SAVE, "t-3", T2)))
                .expectEvents(new ItemSavedToLibrary(USER, TRACK, "t-3", T2, "c-1"))
                .expectResultMessagePayloadMatching(matching(List.of(
                        new OfflineChangeOutcome("c-1", Status.APPLIED, TRACK, "t-3", true, T2, null))));
    }

    @Test
    void aReusedChangeIdForTheOppositeActionIsMergedAsANewChange() {
        fixture.given(new ItemSavedToLibrary(USER, TRACK, "t-1", T1, "c-1"))
                .when(batch(0, offline("c-1", LibraryAction.REMOVE, "t-1", T2)))
                .expectEvents(new ItemRemovedFromLibrary(USER, TRACK, "t-1", T2, "c-1"))
                .expectResultMessagePayloadMatching(matching(List.of(
                        new OfflineChangeOutcome("c-1", Status.APPLIED, TRACK, "t-1", false, T2, null))));
    }

    @Test
    void aReusedChangeIdRemembersTheLatestChangeMadeUnderIt() {
        // c-1 saved t-2, then c-1 saved t-3; a change the device had not seen removed both at T2.
        // Redelivering c-1 for t-3 is a replay (APPLIED); c-1 for t-2 is merged, and loses to the removal.
        fixture.given(new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-1"),
                        new ItemSavedToLibrary(USER, TRACK, "t-3", T1, "c-1"),
                        removed("t-2", T2), removed("t-3", T2))
                .when(batch(1,
                        offline("c-1", LibraryAction.SAVE, "t-3", T1)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Status.APPLIED));
        fixture.given(new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-1"),
                        new ItemSavedToLibrary(USER, TRACK, "t-3", T1, "c-1"),
                        removed("t-2", T2), removed("t-3", T2))
                .when(batch(1,
                        offline("c-1", LibraryAction.SAVE, "t-2", T1)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Status.SUPERSEDED));
    }

    @Test
    void onlyTheLatestAppliedChangeIdsAreRemembered() {
        // c-0 saved t-0 at T1, then an unseen removal at T2: a replay of c-0 answers APPLIED while c-0 is
        // remembered, and SUPERSEDED (merged again, losing to the removal) once it is forgotten
        List<Object> events = new ArrayList<>(List.of(new ItemSavedToLibrary(USER, TRACK, "t-0", T1, "c-0"),
                removed("t-0", T2)));
        for (int i = 1; i < ChangeIdMemory.REMEMBERED_CHANGE_IDS; i++) {
            events.add(new ItemSavedToLibrary(USER, TRACK, "x-" + i, T2, "c-" + i));
        }
        ApplyOfflineLibraryChanges replay = batch(0, offline("c-0", LibraryAction.SAVE, "t-0", T1));
        fixture.given(events)
                .when(replay)
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Status.APPLIED));

        events.add(new ItemSavedToLibrary(USER, TRACK, "x-new", T2, "c-new"));
        fixture.given(events)
                .when(replay)
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Status.SUPERSEDED));
    }

    @Test
    void aChangeIdUsedAgainBecomesTheNewestRemembered() {
        // c-0 is used again (for t-0's removal, then its save back) just before the memory overflows, so c-1 is
        // the one forgotten
        List<Object> events = new ArrayList<>(List.of(new ItemSavedToLibrary(USER, TRACK, "t-0", T1, "c-0"),
                new ItemSavedToLibrary(USER, TRACK, "t-1", T1, "c-1"), removed("t-1", T2)));
        for (int i = 2; i < ChangeIdMemory.REMEMBERED_CHANGE_IDS; i++) {
            events.add(new ItemSavedToLibrary(USER, TRACK, "x-" + i, T2, "c-" + i));
        }
        events.add(new ItemRemovedFromLibrary(USER, TRACK, "t-0", T2, "c-0"));
        events.add(new ItemSavedToLibrary(USER, TRACK, "t-0", T2, "c-0"));
        events.add(new ItemSavedToLibrary(USER, TRACK, "x-new", T2, "c-new"));
        events.add(removed("t-0", T2.plusSeconds(1)));
        fixture.given(events)
                .when(batch(0,
                        offline("c-0", LibraryAction.SAVE, "t-0", T2),
                        offline("c-1", LibraryAction.SAVE, "t-1", T1)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Status.APPLIED, Status.SUPERSEDED));
    }
}
