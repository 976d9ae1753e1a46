package io.musicstream.command.playback.web;

import io.musicstream.command.playback.RecordPlay;
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

    PlayController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public record PlayRequest(@NotBlank @Size(max = 100) String playId, @NotBlank @Size(max = 100) String trackId,
                              @NotNull Instant startedAt, @PositiveOrZero long msPlayed,
                              @Size(max = 100) String deviceId, @Pattern(regexp = "[A-Z]{2}") String territory) {
    }

    public record PlayRecorded(String playId, boolean duplicate) {
    }

    @PostMapping
    public ResponseEntity<PlayRecorded> record(@Valid @RequestBody PlayRequest request, Principal user) {
        try {
            commands.sendAndWait(new RecordPlay(request.playId(), user.getName(), request.trackId(),
                    request.startedAt(), request.msPlayed(), request.deviceId(), request.territory(), clock.instant()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new PlayRecorded(request.playId(), false));
        } catch (AggregateStreamCreationException duplicate) {
            return ResponseEntity.ok(new PlayRecorded(request.playId(), true));
        }
    }
}
