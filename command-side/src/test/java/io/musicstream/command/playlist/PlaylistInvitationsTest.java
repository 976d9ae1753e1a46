package io.musicstream.command.playlist;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.NotAllowedException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.InvitationAccepted;
import io.musicstream.events.playlist.InvitationDeclined;
import io.musicstream.events.playlist.InvitationExpired;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The owner invites; the invitee accepts or declines within seven days, after which the invitation lapses. */
class PlaylistInvitationsTest extends PlaylistFixture {

    private static final String INVITEE = "u-invitee";
    private static final Instant EXPIRES = T0.plus(Playlist.INVITATION_LIFETIME);

    private static CollaboratorInvited invited() {
        return new CollaboratorInvited(PLAYLIST, "inv-2", INVITEE, EXPIRES, T0, OWNER);
    }

    @Test
    void theOwnerInvitesForSevenDays() {
        fixture.given(created(true))
                .when(new InviteCollaborator(PLAYLIST, OWNER, "inv-2", INVITEE, T0))
                .expectEvents(invited());
    }

    @Test
    void onlyACollaborativePlaylistTakesInvitations() {
        fixture.given(created(false))
                .when(new InviteCollaborator(PLAYLIST, OWNER, "inv-2", INVITEE, T0))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void cannotInviteTheOwnerACollaboratorOrSomeoneWithAPendingInvitation() {
        fixture.given(created(true))
                .when(new InviteCollaborator(PLAYLIST, OWNER, "inv-2", OWNER, T0))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(withCollaborator())
                .when(new InviteCollaborator(PLAYLIST, OWNER, "inv-2", COLLABORATOR, T1))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        fixture.given(created(true), invited())
                .when(new InviteCollaborator(PLAYLIST, OWNER, "inv-3", INVITEE, T1))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.given(created(true), invited())
                .when(new InviteCollaborator(PLAYLIST, OWNER, "inv-2", "u-other", T1))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aLapsedInviteeMayBeInvitedAgain() {
        fixture.given(created(true), invited())
                .when(new InviteCollaborator(PLAYLIST, OWNER, "inv-3", INVITEE, EXPIRES))
                .expectEvents(new CollaboratorInvited(PLAYLIST, "inv-3", INVITEE,
                        EXPIRES.plus(Playlist.INVITATION_LIFETIME), EXPIRES, OWNER));
    }

    @Test
    void theInviteeAcceptsAndMayThenEditItems() {
        fixture.given(created(true), invited())
                .when(new AcceptInvitation(PLAYLIST, "inv-2", INVITEE, T1))
                .expectEvents(new InvitationAccepted(PLAYLIST, "inv-2", INVITEE, T1, INVITEE));
        fixture.given(created(true), invited(), new InvitationAccepted(PLAYLIST, "inv-2", INVITEE, T1, INVITEE))
                .when(add(INVITEE, null, null, "t-1"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("2");
    }

    @Test
    void theInviteeDeclines() {
        fixture.given(created(true), invited())
                .when(new DeclineInvitation(PLAYLIST, "inv-2", INVITEE, T1))
                .expectEvents(new InvitationDeclined(PLAYLIST, "inv-2", INVITEE, T1, INVITEE));
    }

    @Test
    void onlyTheInviteeAnswers() {
        fixture.given(created(true), invited())
                .when(new AcceptInvitation(PLAYLIST, "inv-2", STRANGER, T1))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
        fixture.given(created(true), invited())
                .when(new AcceptInvitation(PLAYLIST, "inv-9", INVITEE, T1))
                .expectException(UnknownItemException.class)
                .expectNoEvents();
    }

    @Test
    void anAnsweredInvitationCannotBeAnsweredAgain() {
        fixture.given(created(true), invited(), new InvitationDeclined(PLAYLIST, "inv-2", INVITEE, T1, INVITEE))
                .when(new AcceptInvitation(PLAYLIST, "inv-2", INVITEE, T2))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void acceptingAfterTheExpiryIsRefusedEvenBeforeTheExpiryIsRecorded() {
        fixture.given(created(true), invited())
                .when(new AcceptInvitation(PLAYLIST, "inv-2", INVITEE, EXPIRES))
                .expectException(ConflictException.class)
                .expectExceptionMessage("invitation inv-2 expired at " + EXPIRES)
                .expectNoEvents();
        fixture.given(created(true), invited())
                .when(new DeclineInvitation(PLAYLIST, "inv-2", INVITEE, EXPIRES.plusSeconds(1)))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.given(created(true), invited())
                .when(new AcceptInvitation(PLAYLIST, "inv-2", INVITEE, EXPIRES.minusMillis(1)))
                .expectEvents(new InvitationAccepted(PLAYLIST, "inv-2", INVITEE, EXPIRES.minusMillis(1), INVITEE));
    }

    @Test
    void anExpiryLapsesAPendingInvitation() {
        fixture.given(created(true), invited())
                .when(new ExpireInvitation(PLAYLIST, "inv-2", EXPIRES))
                .expectEvents(new InvitationExpired(PLAYLIST, "inv-2", INVITEE, EXPIRES, Playlist.SYSTEM));
        fixture.given(created(true), invited(), new InvitationExpired(PLAYLIST, "inv-2", INVITEE, EXPIRES, "system"))
                .when(new AcceptInvitation(PLAYLIST, "inv-2", INVITEE, T1))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void anExpiryOfAnAnsweredOrLapsedInvitationWritesNothing() {
        fixture.given(created(true), invited(), new InvitationAccepted(PLAYLIST, "inv-2", INVITEE, T1, INVITEE))
                .when(new ExpireInvitation(PLAYLIST, "inv-2", EXPIRES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created(true), invited(), new InvitationDeclined(PLAYLIST, "inv-2", INVITEE, T1, INVITEE))
                .when(new ExpireInvitation(PLAYLIST, "inv-2", EXPIRES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created(true), invited(), new InvitationExpired(PLAYLIST, "inv-2", INVITEE, EXPIRES, "system"))
                .when(new ExpireInvitation(PLAYLIST, "inv-2", EXPIRES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anInvitationDoesNotLapseEarly() {
        fixture.given(created(true), invited())
                .when(new ExpireInvitation(PLAYLIST, "inv-2", EXPIRES.minusSeconds(1)))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void anInvitationAcceptedWhileThePlaylistIsNotCollaborativeGivesEditRightsOnlyOnceItIs() {
        var closed = new io.musicstream.events.playlist.PlaylistDetailsChanged(PLAYLIST, "Morning", null, false, false,
                T1, OWNER, "2");
        fixture.given(created(true), invited(), closed)
                .when(new AcceptInvitation(PLAYLIST, "inv-2", INVITEE, T2))
                .expectEvents(new InvitationAccepted(PLAYLIST, "inv-2", INVITEE, T2, INVITEE));
        fixture.given(created(true), invited(), closed, new InvitationAccepted(PLAYLIST, "inv-2", INVITEE, T2, INVITEE))
                .when(add(INVITEE, null, null, "t-1"))
                .expectException(NotAllowedException.class)
                .expectNoEvents();
    }

    @Test
    void anExpiryOfAnUnknownInvitationWritesNothing() {
        fixture.given(created(true))
                .when(new ExpireInvitation(PLAYLIST, "inv-9", EXPIRES))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
