package io.musicstream.command.playlist;

import io.musicstream.command.common.NotAllowedException;
import io.musicstream.events.playlist.CollaboratorRemoved;
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
 * The owner does everything; accepted collaborators of a collaborative playlist edit items only; anyone else
 * is refused. A playlist made non-collaborative keeps its collaborators, who edit again once it is
 * collaborative again.
 */
class PlaylistRolesTest extends PlaylistFixture {

    private static List<Object> history(Object... more) {
        List<Object> events = new ArrayList<>(withCollaborator());
        events.add(added(0, 0, "2", "t-0", "t-1", "t-2"));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void aCollaboratorEditsItems() {
        fixture.given(history())
                .when(add(COLLABORATOR, 0, null, "t-9"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 0,
                        List.of(new PlaylistItem("i3", "t-9", COLLABORATOR, T1)), T1, COLLABORATOR, "3"));
        fixture.given(history())
                .when(new RemoveTracksFromPlaylist(PLAYLIST, COLLABORATOR, List.of("t-1"), null, null, T1))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(1), List.of("i1"), T1, COLLABORATOR, "3"));
        fixture.given(history())
                .when(new MovePlaylistItems(PLAYLIST, COLLABORATOR, 0, 1, 3, null, T1))
                .expectEvents(new PlaylistItemsMoved(PLAYLIST, 0, 1, 3, T1, COLLABORATOR, "3"));
        fixture.given(history())
                .when(new ReplacePlaylistItems(PLAYLIST, COLLABORATOR, List.of(), T1))
                .expectEvents(new PlaylistItemsReplaced(PLAYLIST, List.of(), T1, COLLABORATOR, "3"));
    }

    @Test
    void aCollaboratorCannotDeleteInviteOrRemoveOthers() {
        fixture.given(history())
                .when(new DeletePlaylist(PLAYLIST, COLLABORATOR, T1))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
        fixture.given(history())
                .when(new InviteCollaborator(PLAYLIST, COLLABORATOR, "inv-2", STRANGER, T1))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
        fixture.given(history())
                .when(new RemoveCollaborator(PLAYLIST, COLLABORATOR, OWNER, T1))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aStrangerCannotEditAnything() {
        for (Object command : List.of(add(STRANGER, null, null, "t-9"),
                new RemoveTracksFromPlaylist(PLAYLIST, STRANGER, List.of("t-1"), null, null, T1),
                new MovePlaylistItems(PLAYLIST, STRANGER, 0, 1, 3, null, T1),
                new ReplacePlaylistItems(PLAYLIST, STRANGER, List.of(), T1),
                new ChangePlaylistDetails(PLAYLIST, STRANGER, "Mine", null, null, null, T1),
                new DeletePlaylist(PLAYLIST, STRANGER, T1))) {
            fixture.given(history())
                    .when(command)
                    .expectException(NotAllowedException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void aCollaboratorOfAPlaylistMadeNonCollaborativeCannotEditUntilItIsCollaborativeAgain() {
        PlaylistDetailsChanged closed = new PlaylistDetailsChanged(PLAYLIST, "Morning", null, false, false, T1,
                OWNER, "3");
        fixture.given(history(closed))
                .when(add(COLLABORATOR, null, null, "t-9"))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
        fixture.given(history(closed,
                        new PlaylistDetailsChanged(PLAYLIST, "Morning", null, false, true, T2, OWNER, "4")))
                .when(add(COLLABORATOR, null, null, "t-9"))
                .expectEvents(new PlaylistItemsAdded(PLAYLIST, 3,
                        List.of(new PlaylistItem("i3", "t-9", COLLABORATOR, T1)), T1, COLLABORATOR, "5"));
    }

    @Test
    void theOwnerRemovesACollaboratorWhoThenCannotEdit() {
        fixture.given(history())
                .when(new RemoveCollaborator(PLAYLIST, OWNER, COLLABORATOR, T1))
                .expectEvents(new CollaboratorRemoved(PLAYLIST, COLLABORATOR, T1, OWNER));
        fixture.given(history(new CollaboratorRemoved(PLAYLIST, COLLABORATOR, T1, OWNER)))
                .when(add(COLLABORATOR, null, null, "t-9"))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void aCollaboratorLeaves() {
        fixture.given(history())
                .when(new RemoveCollaborator(PLAYLIST, COLLABORATOR, COLLABORATOR, T1))
                .expectEvents(new CollaboratorRemoved(PLAYLIST, COLLABORATOR, T1, COLLABORATOR));
    }

    @Test
    void removingSomeoneWhoIsNotACollaboratorWritesNothing() {
        fixture.given(history())
                .when(new RemoveCollaborator(PLAYLIST, OWNER, STRANGER, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(history())
                .when(new RemoveCollaborator(PLAYLIST, STRANGER, STRANGER, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
