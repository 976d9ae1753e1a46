package io.musicstream.command.playback.web;

import io.musicstream.command.playback.RecordPlay;
import io.musicstream.events.ids.PlayIds;
import io.musicstream.events.playback.TrackPlayed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Play reports over HTTP, for clients that do not publish to the play-events topic. A play id is the
 * caller's own: the same id from another user is another play.
 */
@RestController
@RequestMapping("/api/v1/me/plays")
class PlayController {

    private final CommandGateway commands;
    private final Clock clock;
    private final EventStore events;

    PlayController(CommandGateway commands, Clock clock, EventStore events) {
        this.commands = commands;
        this.clock = clock;
        this.events = events;
    }

    /** {@code endReason} and {@code context} are checked by the play's rules, as on the play-events topic. */
    public record PlayRequest(@NotBlank @Size(max = 100) String playId, @NotBlank @Size(max = 100) String trackId,
                              @NotNull Instant startedAt, @PositiveOrZero long msPlayed,
                              @Size(max = 100) String deviceId, @Pattern(regexp = "[A-Z]{2}") String territory,
                              String endReason, Context context, Boolean offline) {
    }

    /** What the track was played from: ALBUM, PLAYLIST, ARTIST, SEARCH, RADIO, LIBRARY or OTHER, and its id. */
    public record Context(String type, String id) {
    }

    /** @param counted whether the play counts as a stream, under the rules of {@code ruleVersion} */
    public record PlayRecorded(String playId, boolean duplicate, boolean counted, int ruleVersion) {
    }

    @PostMapping
    public ResponseEntity<PlayRecorded> record(@Valid @RequestBody PlayRequest request, Principal user) {
        try {
            Context context = request.context();
            commands.sendAndWait(new RecordPlay(request.playId(), user.getName(), request.trackId(),
                    request.startedAt(), request.msPlayed(), request.deviceId(), request.territory(),
                    request.endReason(), context == null ? null : context.type(), context == null ? null : context.id(),
                    Boolean.TRUE.equals(request.offline()), clock.instant()));
            return ResponseEntity.status(HttpStatus.CREATED).body(recorded(user.getName(), request.playId(), false));
        } catch (AggregateStreamCreationException duplicate) {
            return ResponseEntity.ok(recorded(user.getName(), request.playId(), true));
        }
    }

    /** The decision as stored: a duplicate gets the first report's. */
    private PlayRecorded recorded(String userId, String playId, boolean duplicate) {
        TrackPlayed played = (TrackPlayed) events.readEvents(PlayIds.of(userId, playId)).next().getPayload();
        return new PlayRecorded(playId, duplicate, played.counted(), played.ruleVersion());
    }
}
