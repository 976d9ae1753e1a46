package io.musicstream.command.playlist;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.NotAllowedException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.PlaylistDeleted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner deletes a playlist; afterwards it is gone for every command. */
class PlaylistDeletionTest extends PlaylistFixture {

    private static List<Object> deleted() {
        List<Object> events = new ArrayList<>(withCollaborator());
        events.add(added(0, 0, "2", "t-0", "t-1"));
        events.add(new CollaboratorInvited(PLAYLIST, "inv-2", STRANGER, T0.plus(Playlist.INVITATION_LIFETIME), T0,
                OWNER));
        events.add(new PlaylistDeleted(PLAYLIST, OWNER, T1, OWNER));
        return events;
    }

    @Test
    void theOwnerDeletesAPlaylist() {
        fixture.given(withTracks(2))
                .when(new DeletePlaylist(PLAYLIST, OWNER, T1))
                .expectEvents(new PlaylistDeleted(PLAYLIST, OWNER, T1, OWNER));
    }

    @Test
    void onlyTheOwnerDeletes() {
        fixture.given(withCollaborator())
                .when(new DeletePlaylist(PLAYLIST, COLLABORATOR, T1))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedPlaylistTakesNoCommand() {
        for (Object command : List.of(new DeletePlaylist(PLAYLIST, OWNER, T2),
                add(OWNER, null, null, "t-9"),
                add(COLLABORATOR, null, null, "t-9"),
                removeAt(null, 0),
                move(0, 1, 2, null),
                new ReplacePlaylistItems(PLAYLIST, OWNER, List.of(), T2),
                new ChangePlaylistDetails(PLAYLIST, OWNER, "Back", null, null, null, T2),
                new InviteCollaborator(PLAYLIST, OWNER, "inv-3", "u-new", T2),
                new AcceptInvitation(PLAYLIST, "inv-2", STRANGER, T2),
                new DeclineInvitation(PLAYLIST, "inv-2", STRANGER, T2),
                new ExpireInvitation(PLAYLIST, "inv-2", T2.plus(Playlist.INVITATION_LIFETIME)),
                new RemoveCollaborator(PLAYLIST, OWNER, COLLABORATOR, T2))) {
            fixture.given(deleted())
                    .when(command)
                    .expectException(UnknownItemException.class)
                    .expectExceptionMessage("playlist pl-1 was deleted")
                    .expectNoEvents();
        }
    }

    @Test
    void aDeletedPlaylistsIdCannotBeCreatedAgain() {
        fixture.given(deleted())
                .when(new CreatePlaylist(PLAYLIST, OWNER, "Again", null, false, false, T2))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }
}
