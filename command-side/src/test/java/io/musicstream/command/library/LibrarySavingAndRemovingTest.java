package io.musicstream.command.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saving and removing items now: what is written, what is refused, and the limits of one request. */
class LibrarySavingAndRemovingTest extends LibraryFixture {

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
    void controlCharactersInSavedIdsAreRefusedNamingTheId() {
        fixture.givenNoPriorActivity()
                .when(save(T0, "t-1", "t\u00002"))
                .expectException(io.musicstream.command.common.InvalidInputException.class)
                .expectExceptionMessage("itemIds[1]: must not contain control characters (U+0000 at 1)")
                .expectNoEvents();
    }
}
