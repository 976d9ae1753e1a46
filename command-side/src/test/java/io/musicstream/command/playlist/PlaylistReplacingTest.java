package io.musicstream.command.playlist;

import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsReplaced;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replacing every item at once. */
class PlaylistReplacingTest extends PlaylistFixture {

    @Test
    void replacingGivesEveryItemANewId() {
        fixture.given(withTracks(2))
                .when(new ReplacePlaylistItems(PLAYLIST, OWNER, List.of("t-1", "t-7"), T1))
                .expectEvents(new PlaylistItemsReplaced(PLAYLIST, List.of(new PlaylistItem("i2", "t-1", OWNER, T1),
                        new PlaylistItem("i3", "t-7", OWNER, T1)), T1, OWNER, "3"))
                .expectResultMessagePayload("3");
    }

    @Test
    void replacingWithNothingClearsThePlaylist() {
        fixture.given(withTracks(2))
                .when(new ReplacePlaylistItems(PLAYLIST, OWNER, List.of(), T1))
                .expectEvents(new PlaylistItemsReplaced(PLAYLIST, List.of(), T1, OWNER, "3"));
    }

    @Test
    void clearingAnEmptyPlaylistWritesNothing() {
        fixture.given(created())
                .when(new ReplacePlaylistItems(PLAYLIST, OWNER, List.of(), T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload("1");
    }

    @Test
    void aReplacementNamesItsTracks() {
        fixture.given(created())
                .when(new ReplacePlaylistItems(PLAYLIST, OWNER, null, T1))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
