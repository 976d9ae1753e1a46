package io.musicstream.command.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.library.OfflineChangeOutcome.Status;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LibraryTest {

    private static final String USER = "u-1";
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);
    private static final LibraryItemType TRACK = LibraryItemType.TRACK;
    private static final LibraryItemType ALBUM = LibraryItemType.ALBUM;

    private final AggregateTestFixture<Library> fixture = new AggregateTestFixture<>(Library.class);
    /** Items the fake catalog refuses, by id. */
    private final Map<String, CatalogItems.Refusal> refused = new HashMap<>();

    @BeforeEach
    void catalog() {
        fixture.registerInjectableResource((CatalogItems) (type, ids, territory) -> {
            Map<String, CatalogItems.Refusal> answer = new HashMap<>();
            for (String id : ids) {
                if (refused.containsKey(id)) {
                    answer.put(id, refused.get(id));
                }
            }
            return answer;
        });
    }

    private static ItemSavedToLibrary saved(String id, Instant at) {
        return new ItemSavedToLibrary(USER, TRACK, id, at, null);
    }

    private static ItemRemovedFromLibrary removed(String id, Instant at) {
        return new ItemRemovedFromLibrary(USER, TRACK, id, at, null);
    }

    private static SaveToLibrary save(Instant at, String... ids) {
        return new SaveToLibrary(USER, TRACK, List.of(ids), "SE", at);
    }

    private static OfflineLibraryChange offline(String changeId, LibraryAction action, String id, Instant at) {
        return new OfflineLibraryChange(changeId, action, TRACK, id, at);
    }

    private static ApplyOfflineLibraryChanges batch(long lastSeenSequence, OfflineLibraryChange... changes) {
        return new ApplyOfflineLibraryChanges(USER, List.of(changes), lastSeenSequence, "SE", T3);
    }

    /** Track ids t-0 .. t-(count-1). */
    private static List<String> trackIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t-" + i).toList();
    }

    @Test
    void savingTracksRecordsEachOnce() {
        fixture.givenNoPriorActivity()
                .when(save(T0, "t-1", "t-2", "t-1"))
                .expectEvents(saved("t-1", T0), saved("t-2", T0));
    }

    @Test
    void savingWhatIsSavedWritesNothing() {
        fixture.given(saved("t-1", T0))
                .when(save(T1, "t-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void savingInBulkWritesOnlyTheNewOnes() {
        fixture.given(saved("t-1", T0))
                .when(save(T1, "t-1", "t-2"))
                .expectEvents(saved("t-2", T1));
    }

    @Test
    void removingWhatIsNotThereWritesNothing() {
        // a library without events still takes its identity (the repository caches it by that), which the
        // fixture's check for state changed outside event sourcing handlers would report
        fixture.setReportIllegalStateChange(false);
        fixture.givenNoPriorActivity()
                .when(new RemoveFromLibrary(USER, TRACK, List.of("t-1"), T0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(saved("t-1", T0), removed("t-1", T1))
                .when(new RemoveFromLibrary(USER, TRACK, List.of("t-1"), T2))
                .expectNoEvents();
    }

    @Test
    void removingASavedItemRecordsATombstone() {
        fixture.given(saved("t-1", T0))
                .when(new RemoveFromLibrary(USER, TRACK, List.of("t-1", "t-9"), T1))
                .expectEvents(removed("t-1", T1));
    }

    @Test
    void followingAndUnfollowingAnArtist() {
        fixture.givenNoPriorActivity()
                .when(new SaveToLibrary(USER, LibraryItemType.ARTIST, List.of("a-1"), null, T0))
                .expectEvents(new ItemSavedToLibrary(USER, LibraryItemType.ARTIST, "a-1", T0, null));
        fixture.given(new ItemSavedToLibrary(USER, LibraryItemType.ARTIST, "a-1", T0, null))
                .when(new RemoveFromLibrary(USER, LibraryItemType.ARTIST, List.of("a-1"), T1))
                .expectEvents(new ItemRemovedFromLibrary(USER, LibraryItemType.ARTIST, "a-1", T1, null));
    }

    @Test
    void cannotSaveATrackThatDoesNotExist() {
        refused.put("t-404", new CatalogItems.Refusal(true, "track t-404 does not exist"));
        fixture.givenNoPriorActivity()
                .when(save(T0, "t-1", "t-404"))
                .expectException(UnknownItemException.class)
                .expectExceptionMessage("track t-404 does not exist")
                .expectNoEvents();
    }

    @Test
    void cannotSaveATrackThatWasTakenDownOrIsUnavailableInTheUsersTerritory() {
        refused.put("t-down", new CatalogItems.Refusal(false, "track t-down is taken down everywhere"));
        refused.put("t-us", new CatalogItems.Refusal(false, "track t-us is not available in SE"));
        refused.put("t-404", new CatalogItems.Refusal(true, "track t-404 does not exist"));
        fixture.givenNoPriorActivity()
                .when(save(T0, "t-1", "t-down", "t-us", "t-404"))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("track t-down is taken down everywhere; track t-us is not available in SE; "
                        + "track t-404 does not exist")
                .expectNoEvents();
    }

    @Test
    void aTrackSavedBeforeItsTakedownStaysSavedWithoutACatalogCheck() {
        refused.put("t-1", new CatalogItems.Refusal(false, "track t-1 is taken down everywhere"));
        fixture.given(saved("t-1", T0))
                .when(save(T1, "t-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRequestNeedsItemIds() {
        fixture.givenNoPriorActivity()
                .when(new SaveToLibrary(USER, TRACK, List.of(), null, T0))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RemoveFromLibrary(USER, TRACK, java.util.Arrays.asList("t-1", " "), T0))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

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
    void aSnapshotKeepsEverythingTheLibraryDecidesBy() throws Exception {
        Library library = new Library();
        library.on(saved("t-1", T0), 0);
        library.on(new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-1"), 1);
        library.on(removed("t-1", T2), 2);
        com.fasterxml.jackson.databind.ObjectMapper json = io.musicstream.events.serialization.EventJson.objectMapper();
        String snapshot = json.writeValueAsString(library);
        assertThat(snapshot).contains("\"libraryId\":\"library:u-1\"", "\"c-1\":\"SAVE:TRACK:t-2\"", "TRACK:t-2");
        assertThat(json.writeValueAsString(json.readValue(snapshot, Library.class))).isEqualTo(snapshot);
    }

    @Test
    void aSaveOrRemoveNamesAtMost50Ids() {
        assertThat(Library.MAX_IDS_PER_COMMAND).isEqualTo(50);
        fixture.givenNoPriorActivity()
                .when(new SaveToLibrary(USER, TRACK, trackIds(51), "SE", T0))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("at most 50 item ids per request, got 51")
                .expectNoEvents();
    }

    @Test
    void theLimitCountsTheIdsAsGivenRepeatsIncluded() {
        List<String> ids = new ArrayList<>(trackIds(50));
        ids.add("t-0");
        fixture.given(saved("t-0", T0))
                .when(new RemoveFromLibrary(USER, TRACK, ids, T1))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("at most 50 item ids per request, got 51")
                .expectNoEvents();
    }

    @Test
    void saving50IdsAtOnceIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(new SaveToLibrary(USER, TRACK, trackIds(50), "SE", T0))
                .expectEvents(trackIds(50).stream().map(id -> saved(id, T0)).toArray());
    }

    @Test
    void removing50IdsAtOnceIsAccepted() {
        fixture.given(trackIds(50).stream().map(id -> (Object) saved(id, T0)).toList())
                .when(new RemoveFromLibrary(USER, TRACK, trackIds(50), T1))
                .expectEvents(trackIds(50).stream().map(id -> removed(id, T1)).toArray());
    }

    @Test
    void savingAnAlbumOnceAndRemovingIt() {
        fixture.givenNoPriorActivity()
                .when(new SaveToLibrary(USER, ALBUM, List.of("al-1"), "SE", T0))
                .expectEvents(new ItemSavedToLibrary(USER, ALBUM, "al-1", T0, null));
        fixture.given(new ItemSavedToLibrary(USER, ALBUM, "al-1", T0, null))
                .when(new SaveToLibrary(USER, ALBUM, List.of("al-1"), "SE", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(new ItemSavedToLibrary(USER, ALBUM, "al-1", T0, null))
                .when(new RemoveFromLibrary(USER, ALBUM, List.of("al-1"), T1))
                .expectEvents(new ItemRemovedFromLibrary(USER, ALBUM, "al-1", T1, null));
    }

    @Test
    void aSavedTrackIsNotTheAlbumWithTheSameId() {
        fixture.given(saved("x-1", T0))
                .when(new SaveToLibrary(USER, ALBUM, List.of("x-1"), "SE", T1))
                .expectEvents(new ItemSavedToLibrary(USER, ALBUM, "x-1", T1, null));
    }

    @Test
    void cannotSaveAnAlbumThatWasTakenDownOrIsUnavailableInTheUsersTerritory() {
        refused.put("al-down", new CatalogItems.Refusal(false, "album al-down is taken down everywhere"));
        refused.put("al-us", new CatalogItems.Refusal(false, "album al-us has no track available in SE"));
        fixture.givenNoPriorActivity()
                .when(new SaveToLibrary(USER, ALBUM, List.of("al-1", "al-down", "al-us"), "SE", T0))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(
                        "album al-down is taken down everywhere; album al-us has no track available in SE")
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
    void anOfflineRemovalOfAnItemNotInTheLibraryIsAppliedWithoutAnEvent() {
        fixture.given(saved("t-1", T0))
                .when(batch(0, offline("c-1", LibraryAction.REMOVE, "t-9", T1)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching(List.of(
                        new OfflineChangeOutcome("c-1", Status.APPLIED, TRACK, "t-9", false, null, null))));
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

    private static org.hamcrest.Matcher<Object> outcomes(Status... statuses) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("outcomes " + List.of(statuses)) {
            @Override
            protected boolean matchesSafely(Object item) {
                @SuppressWarnings("unchecked")
                Collection<OfflineChangeOutcome> outcomes = (Collection<OfflineChangeOutcome>) item;
                return outcomes.stream().map(OfflineChangeOutcome::status).toList().equals(List.of(statuses));
            }
        };
    }

    private static org.hamcrest.Matcher<Object> matching(List<OfflineChangeOutcome> expected) {
        return new org.hamcrest.CustomTypeSafeMatcher<>(expected.toString()) {
            @Override
            protected boolean matchesSafely(Object item) {
                assertThat(item).isEqualTo(expected);
                return true;
            }
        };
    }

    @Test
    void controlCharactersInSavedIdsAreRefusedNamingTheId() {
        fixture.givenNoPriorActivity()
                .when(save(T0, "t-1", "t\u00002"))
                .expectException(io.musicstream.command.common.InvalidInputException.class)
                .expectExceptionMessage("itemIds[1]: must not contain control characters (U+0000 at 1)")
                .expectNoEvents();
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
