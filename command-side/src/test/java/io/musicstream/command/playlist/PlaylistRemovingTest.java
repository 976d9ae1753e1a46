package io.musicstream.command.playlist;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.playlist.PlaylistItemsRemoved;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Removing by track (every occurrence) or by positions; either way the event names positions. */
class PlaylistRemovingTest extends PlaylistFixture {

    @Test
    void removingATrackRemovesEveryOccurrenceByPosition() {
        fixture.given(created(), added(0, 0, "2", "t-a", "t-b", "t-a", "t-c", "t-a"))
                .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, List.of("t-a", "t-c"), null, null, T1))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(0, 2, 3, 4), List.of("i0", "i2", "i3", "i4"),
                        T1, OWNER, "3"))
                .expectResultMessagePayload("3");
    }

    @Test
    void removingATrackThatIsNotThereWritesNothing() {
        fixture.given(withTracks(2))
                .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, List.of("t-9"), null, null, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload("2");
    }

    @Test
    void removingByPositionsRecordsThemAscending() {
        fixture.given(withTracks(5))
                .when(removeAt("2", 4, 1))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(1, 4), List.of("i1", "i4"), T1, OWNER, "3"));
    }

    @Test
    void cannotRemoveAPositionPastTheEnd() {
        fixture.given(withTracks(3))
                .when(removeAt(null, 0, 3))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("position 3 is out of range: the playlist has 3 items")
                .expectNoEvents();
    }

    @Test
    void cannotRemoveAPositionTwice() {
        fixture.given(withTracks(3))
                .when(removeAt(null, 1, 1))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aRemovalNamesTracksOrPositionsButNotBoth() {
        fixture.given(withTracks(3))
                .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, List.of("t-1"), List.of(1), null, T1))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(withTracks(3))
                .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, null, null, null, T1))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(withTracks(3))
                .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, null, List.of(-1), null, T1))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
