package io.musicstream.sagas.playlist;

import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.playlist.ExpireInvitation;
import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.InvitationAccepted;
import io.musicstream.events.playlist.InvitationDeclined;
import io.musicstream.events.playlist.InvitationExpired;
import io.musicstream.events.playlist.PlaylistDeleted;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.Test;

class PlaylistInvitationSagaTest {

    private static final String PLAYLIST = "pl-1";
    private static final Instant INVITED_AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(7);
    private static final Instant EXPIRES = INVITED_AT.plus(LIFETIME);

    private final SagaTestFixture<PlaylistInvitationSaga> fixture =
            new SagaTestFixture<>(PlaylistInvitationSaga.class);

    private static CollaboratorInvited invited(String playlistId, String invitationId) {
        return new CollaboratorInvited(playlistId, invitationId, "u-2", EXPIRES, INVITED_AT, "u-1");
    }

    private static CollaboratorInvited invited() {
        return invited(PLAYLIST, "inv-1");
    }

    @Test
    void anInvitationSchedulesItsExpiry() throws Exception {
        fixture.givenCurrentTime(INVITED_AT)
                .whenPublishingA(invited())
                .expectActiveSagas(1)
                .expectAssociationWith("invitationId", "inv-1")
                .expectAssociationWith("playlistId", PLAYLIST)
                .expectScheduledDeadlineWithName(EXPIRES, PlaylistInvitationSaga.EXPIRY_DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void anUnansweredInvitationLapsesAfterSevenDays() throws Exception {
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited())
                .whenTimeElapses(LIFETIME)
                .expectTriggeredDeadlinesWithName(PlaylistInvitationSaga.EXPIRY_DEADLINE)
                .expectDispatchedCommands(new ExpireInvitation(PLAYLIST, "inv-1", EXPIRES))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void nothingLapsesBeforeTheSeventhDayIsOver() throws Exception {
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited())
                .whenTimeElapses(LIFETIME.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(EXPIRES, PlaylistInvitationSaga.EXPIRY_DEADLINE);
    }

    @Test
    void anAcceptanceEndsTheSagaAndCancelsTheExpiry() throws Exception {
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited())
                .whenPublishingA(new InvitationAccepted(PLAYLIST, "inv-1", "u-2", INVITED_AT.plusSeconds(60), "u-2"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aDeclineEndsTheSagaAndCancelsTheExpiry() throws Exception {
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited())
                .whenPublishingA(new InvitationDeclined(PLAYLIST, "inv-1", "u-2", INVITED_AT.plusSeconds(60), "u-2"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAcceptanceAfterTheSagaLapsedTheInvitationChangesNothing() throws Exception {
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited())
                .andThenTimeElapses(LIFETIME)
                .whenPublishingA(new InvitationExpired(PLAYLIST, "inv-1", "u-2", EXPIRES, "system"))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void deletingThePlaylistEndsTheSagasOfItsInvitationsOnly() throws Exception {
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited(PLAYLIST, "inv-1"))
                .andThenAPublished(invited(PLAYLIST, "inv-2"))
                .andThenAPublished(invited("pl-2", "inv-3"))
                .whenPublishingA(new PlaylistDeleted(PLAYLIST, "u-1", INVITED_AT.plusSeconds(60), "u-1"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(EXPIRES, PlaylistInvitationSaga.EXPIRY_DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void anAnswerToAnotherInvitationLeavesTheSagaRunning() throws Exception {
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited(PLAYLIST, "inv-1"))
                .whenPublishingA(new InvitationAccepted(PLAYLIST, "inv-9", "u-3", INVITED_AT.plusSeconds(60), "u-3"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(EXPIRES, PlaylistInvitationSaga.EXPIRY_DEADLINE);
    }

    @Test
    void aPlaylistThatRefusesTheExpiryForGoodEndsTheSaga() throws Exception {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new UnknownItemException("playlist pl-1 was deleted");
        });
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited())
                .whenTimeElapses(LIFETIME)
                .expectDispatchedCommands(new ExpireInvitation(PLAYLIST, "inv-1", EXPIRES))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anExpiryThatFailsForAPassingReasonIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        fixture.setCallbackBehavior((command, metaData) -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("database away");
            }
            return null;
        });
        fixture.givenCurrentTime(INVITED_AT)
                .andThenAPublished(invited())
                .whenTimeElapses(LIFETIME)
                .expectDispatchedCommands(new ExpireInvitation(PLAYLIST, "inv-1", EXPIRES))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(EXPIRES.plus(PlaylistInvitationSaga.RETRY),
                        PlaylistInvitationSaga.EXPIRY_DEADLINE);
        fixture.whenTimeElapses(PlaylistInvitationSaga.RETRY)
                .expectDispatchedCommands(new ExpireInvitation(PLAYLIST, "inv-1", EXPIRES))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
