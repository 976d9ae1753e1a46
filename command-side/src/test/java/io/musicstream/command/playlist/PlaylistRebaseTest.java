package io.musicstream.command.playlist;

import static org.hamcrest.Matchers.containsString;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.playlist.PlaylistDetailsChanged;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.events.playlist.PlaylistItemsMoved;
import io.musicstream.events.playlist.PlaylistItemsRemoved;
import io.musicstream.events.playlist.PlaylistItemsReplaced;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An edit made on an older snapshot applies when the positions it names still point at the same items, and is
 * a conflict carrying the current snapshotId otherwise. Every case starts from snapshot 2: items i0..i4
 * (tracks t-0..t-4).
 */
class PlaylistRebaseTest extends PlaylistFixture {

    private static List<Object> since2(Object... later) {
        List<Object> events = new ArrayList<>(withTracks(5));
        events.addAll(List.of(later));
        return events;
    }

    private static PlaylistItemsAdded appendedAt5() {
        return added(5, 5, "3", "t-9");
    }

    private static PlaylistItemsAdded insertedAt0() {
        return added(0, 5, "3", "t-9");
    }

    @Test
    void anEditOnTheCurrentSnapshotApplies() {
        fixture.given(since2())
                .when(removeAt("2", 1))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(1), List.of("i1"), T1, OWNER, "3"));
    }

    @Test
    void aRemovalWhosePositionsStillHoldTheSameItemsIsRebased() {
        fixture.given(since2(appendedAt5()))
                .when(removeAt("2", 1, 4))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(1, 4), List.of("i1", "i4"), T1, OWNER, "4"))
                .expectResultMessagePayload("4");
    }

    @Test
    void aRemovalWhosePositionsShiftedIsAConflictWithTheCurrentSnapshot() {
        fixture.given(since2(insertedAt0()))
                .when(removeAt("2", 1))
                .expectException(SnapshotConflictException.class)
                .expectExceptionMessage(containsString("the current snapshotId is 3"))
                .expectNoEvents();
    }

    @Test
    void aRemovalAfterAnEarlierRemovalIsRebasedOnlyWhereNothingShifted() {
        PlaylistItemsRemoved removedLast = new PlaylistItemsRemoved(PLAYLIST, List.of(4), List.of("i4"), T0, OWNER,
                "3");
        fixture.given(since2(removedLast))
                .when(removeAt("2", 0, 3))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(0, 3), List.of("i0", "i3"), T1, OWNER, "4"));
        PlaylistItemsRemoved removedFirst = new PlaylistItemsRemoved(PLAYLIST, List.of(0), List.of("i0"), T0, OWNER,
                "3");
        fixture.given(since2(removedFirst))
                .when(removeAt("2", 3))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
        // the item at 4 of snapshot 2 is gone: position 4 now holds nothing at all
        fixture.given(since2(removedLast))
                .when(removeAt("2", 4))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anEditAfterAMoveIsRebasedOnlyWhereTheMoveLeftItemsInPlace() {
        // i2 moved before i4: [i0, i1, i3, i2, i4]
        PlaylistItemsMoved moved = new PlaylistItemsMoved(PLAYLIST, 2, 1, 4, T0, OWNER, "3");
        fixture.given(since2(moved))
                .when(removeAt("2", 0, 1, 4))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(0, 1, 4), List.of("i0", "i1", "i4"), T1,
                        OWNER, "4"));
        fixture.given(since2(moved))
                .when(removeAt("2", 2))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
        // moved up: i3, i4 before i1: [i0, i3, i4, i1, i2]
        fixture.given(since2(new PlaylistItemsMoved(PLAYLIST, 3, 2, 1, T0, OWNER, "3")))
                .when(removeAt("2", 0))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(0), List.of("i0"), T1, OWNER, "4"));
        fixture.given(since2(new PlaylistItemsMoved(PLAYLIST, 3, 2, 1, T0, OWNER, "3")))
                .when(removeAt("2", 3))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anAddIsRebasedWhenTheItemAtItsPositionIsTheSame() {
        fixture.given(since2(appendedAt5()))
                .when(add(OWNER, 2, "2", "t-8"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 2, List.of(new PlaylistItem("i6", "t-8", OWNER, T1)),
                        T1, OWNER, "4"));
        fixture.given(since2(insertedAt0()))
                .when(add(OWNER, 2, "2", "t-8"))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anAddAtTheEndOfAnOlderSnapshotNeedsThatEndToBeTheEndStill() {
        fixture.given(since2(appendedAt5()))
                .when(add(OWNER, 5, "2", "t-8"))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
        fixture.given(since2(new PlaylistDetailsChanged(PLAYLIST, "Evening", null, false, false, T0, OWNER, "3")))
                .when(add(OWNER, 5, "2", "t-8"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 5, List.of(new PlaylistItem("i5", "t-8", OWNER, T1)),
                        T1, OWNER, "4"));
    }

    @Test
    void anAppendWithoutAPositionAppliesToTheCurrentList() {
        fixture.given(since2(insertedAt0()))
                .when(add(OWNER, null, "2", "t-8"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 6, List.of(new PlaylistItem("i6", "t-8", OWNER, T1)),
                        T1, OWNER, "4"));
    }

    @Test
    void aMoveIsRebasedWhenItsRangeAndInsertionPointHoldTheSameItems() {
        fixture.given(since2(appendedAt5()))
                .when(move(0, 2, 4, "2"))
                .expectEvents(new PlaylistItemsMoved(PLAYLIST, 0, 2, 4, T1, OWNER, "4"));
        // the range is untouched but the item it goes before is gone
        fixture.given(since2(new PlaylistItemsRemoved(PLAYLIST, List.of(4), List.of("i4"), T0, OWNER, "3")))
                .when(move(0, 2, 4, "2"))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
        fixture.given(since2(insertedAt0()))
                .when(move(3, 1, 0, "2"))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
    }

    @Test
    void removingByTrackIgnoresPositionsAndAppliesToTheCurrentList() {
        fixture.given(since2(insertedAt0(), new PlaylistItemsReplaced(PLAYLIST, List.of(
                        new PlaylistItem("i6", "t-3", OWNER, T0), new PlaylistItem("i7", "t-1", OWNER, T0)), T0, OWNER,
                        "4")))
                .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, List.of("t-1"), null, "2", T1))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(1), List.of("i7"), T1, OWNER, "5"));
    }

    @Test
    void positionsOfASnapshotBeforeAReplacementAreAConflict() {
        fixture.given(since2(new PlaylistItemsReplaced(PLAYLIST, List.of(new PlaylistItem("i5", "t-0", OWNER, T0)),
                        T0, OWNER, "3")))
                .when(removeAt("2", 0))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownOrFutureSnapshotIsAConflict() {
        for (String snapshot : List.of("abc", "0", "3", "-1", "99999999999999999999")) {
            fixture.given(since2())
                    .when(removeAt(snapshot, 0))
                    .expectException(SnapshotConflictException.class)
                    .expectExceptionMessage(containsString("the current snapshotId is 2"))
                    .expectNoEvents();
            fixture.given(since2())
                    .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, List.of("t-1"), null, snapshot, T1))
                    .expectException(SnapshotConflictException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void aSnapshotOlderThanTheHistoryKeptIsAConflictForPositionalEdits() {
        List<Object> events = new ArrayList<>(since2());
        for (int revision = 3; revision <= 3 + PlaylistHistory.MAX_REVISIONS; revision++) {
            events.add(new PlaylistDetailsChanged(PLAYLIST, "Name " + revision, null, false, false, T0, OWNER,
                    Integer.toString(revision)));
        }
        fixture.given(events)
                .when(removeAt("2", 0))
                .expectException(SnapshotConflictException.class)
                .expectExceptionMessage(containsString("too old"))
                .expectNoEvents();
        fixture.given(events)
                .when(removeAt("3", 0))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(0), List.of("i0"), T1, OWNER, "204"));
        fixture.given(events)
                .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, List.of("t-0"), null, "2", T1))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(0), List.of("i0"), T1, OWNER, "204"));
    }

    @Test
    void aPositionOutsideTheOlderSnapshotIsInvalidAndOneGoneSinceIsAConflict() {
        fixture.given(since2(appendedAt5()))
                .when(removeAt("2", 5))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("position 5 is out of range: the playlist has 5 items")
                .expectNoEvents();
        fixture.given(since2(new PlaylistItemsRemoved(PLAYLIST, List.of(0, 1, 2, 3), List.of("i0", "i1", "i2", "i3"),
                        T0, OWNER, "3")))
                .when(removeAt("2", 3))
                .expectException(SnapshotConflictException.class)
                .expectNoEvents();
    }
}
