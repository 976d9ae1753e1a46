package io.musicstream.command.playlist;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.events.playlist.PlaylistItemsRemoved;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding tracks: at the end or a position, with item ids that never repeat. */
class PlaylistAddingTest extends PlaylistFixture {

    @Test
    void addingWithoutAPositionAppends() {
        fixture.given(withTracks(2))
                .when(add(OWNER, null, null, "t-9", "t-9"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 2, List.of(new PlaylistItem("i2", "t-9", OWNER, T1),
                        new PlaylistItem("i3", "t-9", OWNER, T1)), T1, OWNER, "3"))
                .expectResultMessagePayload("3");
    }

    @Test
    void addingAtAPositionInsertsBeforeTheItemThere() {
        fixture.given(withTracks(3))
                .when(add(OWNER, 1, "2", "t-9"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 1, List.of(new PlaylistItem("i3", "t-9", OWNER, T1)),
                        T1, OWNER, "3"));
    }

    @Test
    void itemIdsAreNeverReusedAfterARemoval() {
        fixture.given(created(), added(0, 0, "2", "t-0", "t-1"),
                        new PlaylistItemsRemoved(PLAYLIST, List.of(1), List.of("i1"), T0, OWNER, "3"))
                .when(add(OWNER, null, null, "t-1"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 1, List.of(new PlaylistItem("i2", "t-1", OWNER, T1)),
                        T1, OWNER, "4"));
    }

    @Test
    void addingAtThePositionEqualToTheSizeAppends() {
        fixture.given(withTracks(2))
                .when(add(OWNER, 2, null, "t-9"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 2, List.of(new PlaylistItem("i2", "t-9", OWNER, T1)),
                        T1, OWNER, "3"));
    }

    @Test
    void cannotAddPastTheEnd() {
        fixture.given(withTracks(2))
                .when(add(OWNER, 3, null, "t-9"))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("position 3 is out of range: the playlist has 2 items")
                .expectNoEvents();
    }

    @Test
    void cannotAddAtANegativePositionOrNoTracks() {
        fixture.given(withTracks(2))
                .when(add(OWNER, -1, null, "t-9"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(withTracks(2))
                .when(add(OWNER, null, null))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
