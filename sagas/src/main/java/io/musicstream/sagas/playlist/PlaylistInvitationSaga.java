package io.musicstream.sagas.playlist;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.NotAllowedException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.playlist.ExpireInvitation;
import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.InvitationAccepted;
import io.musicstream.events.playlist.InvitationDeclined;
import io.musicstream.events.playlist.InvitationExpired;
import io.musicstream.events.playlist.PlaylistDeleted;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lapses a collaboration invitation left unanswered: one saga per invitation, from its invitation to its
 * answer, its expiry or the playlist's deletion. At the expiry it sends {@link ExpireInvitation}, which the
 * playlist ignores when the invitation was answered meanwhile.
 */
@Saga
public class PlaylistInvitationSaga {

    /** The saga's event processor (Axon's default name for a saga's processing group). */
    public static final String PROCESSING_GROUP = "PlaylistInvitationSagaProcessor";
    static final String EXPIRY_DEADLINE = "playlist-invitation-expiry";
    /** How soon an expiry that failed for a passing reason (the database away) is tried again. */
    static final Duration RETRY = Duration.ofMinutes(1);

    @JsonProperty
    private String playlistId;
    @JsonProperty
    private String invitationId;
    @JsonProperty
    private Instant expiresAt;
    /** The one deadline pending, so that it is cancelled by id when the saga ends early. */
    @JsonProperty
    private String deadlineId;

    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "invitationId")
    void on(CollaboratorInvited event) {
        playlistId = event.playlistId();
        invitationId = event.invitationId();
        expiresAt = event.expiresAt();
        // the playlist's deletion ends its invitations' sagas too
        SagaLifecycle.associateWith("playlistId", playlistId);
        deadlineId = deadlines.schedule(expiresAt, EXPIRY_DEADLINE);
    }

    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    void expire() {
        deadlineId = null;
        try {
            // the expiry counts as made at expiresAt: no clock in the decision, retries write the same event
            commands.sendAndWait(new ExpireInvitation(playlistId, invitationId, expiresAt));
        } catch (ConflictException | InvalidCommandException | NotAllowedException | UnknownItemException
                 | AggregateNotFoundException e) {
            // refused for good (the playlist is gone, say): nothing is left to lapse
        } catch (RuntimeException e) {
            deadlineId = deadlines.schedule(RETRY, EXPIRY_DEADLINE);
            return;
        }
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = "invitationId")
    void on(InvitationAccepted event) {
        endIfMine(event.playlistId());
    }

    @SagaEventHandler(associationProperty = "invitationId")
    void on(InvitationDeclined event) {
        endIfMine(event.playlistId());
    }

    @SagaEventHandler(associationProperty = "invitationId")
    void on(InvitationExpired event) {
        endIfMine(event.playlistId());
    }

    @SagaEventHandler(associationProperty = "playlistId")
    void on(PlaylistDeleted event) {
        endIfMine(event.playlistId());
    }

    /** Invitation ids are unique across playlists; the check keeps a stray duplicate from ending this saga. */
    private void endIfMine(String eventPlaylistId) {
        if (!playlistId.equals(eventPlaylistId)) {
            return;
        }
        if (deadlineId != null) {
            deadlines.cancelSchedule(EXPIRY_DEADLINE, deadlineId);
            deadlineId = null;
        }
        SagaLifecycle.end();
    }
}
