package io.musicstream.command.playlist;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.events.playlist.PlaylistItemsReplaced;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At most 10,000 items, 1 to 100 tracks per add: an edit over a limit is refused whole. */
class PlaylistLimitsTest extends PlaylistFixture {

    @Test
    void anAddThatWouldPassTenThousandItemsIsRefusedWhole() {
        fixture.given(withTracks(Playlist.MAX_ITEMS - 1))
                .when(add(OWNER, null, null, "t-a", "t-b"))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("a playlist holds at most 10000 items: it has 9999, adding 2 would make 10001")
                .expectNoEvents();
    }

    @Test
    void anAddThatReachesTenThousandItemsIsApplied() {
        fixture.given(withTracks(Playlist.MAX_ITEMS - 1))
                .when(add(OWNER, null, null, "t-a"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(PlaylistItemsAdded.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void oneAddNamesAtMostAHundredTracks() {
        fixture.given(created())
                .when(new AddTracksToPlaylist(PLAYLIST, OWNER, trackIds(101), null, null, T1))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("trackIds: at most 100 entries, got 101")
                .expectNoEvents();
        fixture.given(created())
                .when(new AddTracksToPlaylist(PLAYLIST, OWNER, trackIds(100), null, null, T1))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void oneRemovalNamesAtMostAHundredPositions() {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            positions.add(i);
        }
        fixture.given(withTracks(200))
                .when(new RemoveTracksFromPlaylist(PLAYLIST, OWNER, null, positions, null, T1))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void aReplacementHoldsAtMostTenThousandTracks() {
        fixture.given(created())
                .when(new ReplacePlaylistItems(PLAYLIST, OWNER, trackIds(Playlist.MAX_ITEMS + 1), T1))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(created())
                .when(new ReplacePlaylistItems(PLAYLIST, OWNER, trackIds(Playlist.MAX_ITEMS), T1))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(PlaylistItemsReplaced.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
    }

    @Test
    void trackIdsAreCheckedAtTheBoundary() {
        fixture.given(created())
                .when(add(OWNER, null, null, "t-\u0000"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
        fixture.given(created())
                .when(add(OWNER, null, null, "x".repeat(101)))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
