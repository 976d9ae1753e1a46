package io.musicstream.command.playlist;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.NotAllowedException;
import io.musicstream.events.playlist.PlaylistCreated;
import io.musicstream.events.playlist.PlaylistDetailsChanged;
import org.junit.jupiter.api.Test;

/** Creating a playlist and changing its name, description, visibility and collaborative flag. */
class PlaylistCreationAndDetailsTest extends PlaylistFixture {

    @Test
    void creatingAPlaylistMakesSnapshotOne() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlaylist(PLAYLIST, OWNER, "Morning", "", true, false, T0))
                .expectEvents(new PlaylistCreated(PLAYLIST, OWNER, "Morning", null, true, false, T0, OWNER, "1"))
                .expectResultMessagePayload("1");
    }

    @Test
    void cannotCreateAPlaylistTwice() {
        fixture.given(created())
                .when(new CreatePlaylist(PLAYLIST, OWNER, "Again", null, true, false, T1))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void cannotCreateAPlaylistWithoutANameOrWithControlCharacters() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlaylist(PLAYLIST, OWNER, " ", null, true, false, T0))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("name: is required")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreatePlaylist(PLAYLIST, OWNER, "Mor\u0000ning", "x".repeat(Playlist.DESCRIPTION + 1),
                        true, false, T0))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void changingDetailsRecordsTheWholeNewDetailsAndANewSnapshot() {
        fixture.given(created())
                .when(new ChangePlaylistDetails(PLAYLIST, OWNER, "Mornings", "Slow starts", null, true, T1))
                .expectEvents(new PlaylistDetailsChanged(PLAYLIST, "Mornings", "Slow starts", false, true, T1, OWNER,
                        "2"))
                .expectResultMessagePayload("2");
    }

    @Test
    void anEmptyDescriptionRemovesIt() {
        fixture.given(created(), new PlaylistDetailsChanged(PLAYLIST, "Morning", "Slow", false, false, T1, OWNER, "2"))
                .when(new ChangePlaylistDetails(PLAYLIST, OWNER, null, "", null, null, T2))
                .expectEvents(new PlaylistDetailsChanged(PLAYLIST, "Morning", null, false, false, T2, OWNER, "3"));
    }

    @Test
    void changingNothingWritesNothingAndAnswersTheCurrentSnapshot() {
        fixture.given(created())
                .when(new ChangePlaylistDetails(PLAYLIST, OWNER, "Morning", null, false, null, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload("1");
    }

    @Test
    void aCollaboratorCannotChangeDetails() {
        fixture.given(withCollaborator())
                .when(new ChangePlaylistDetails(PLAYLIST, COLLABORATOR, "Mine now", null, null, null, T1))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void cannotRenameToNothing() {
        fixture.given(created())
                .when(new ChangePlaylistDetails(PLAYLIST, OWNER, "", null, null, null, T1))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
