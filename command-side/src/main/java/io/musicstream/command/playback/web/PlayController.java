package io.musicstream.command.playback.web;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.playback.PlayOutcome;
import io.musicstream.command.playback.PlayRecorder;
import io.musicstream.command.playback.RecordPlay;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Play reports over HTTP, for clients that do not publish to the play-events topic: one at a time, or the
 * plays a device made offline in one batch. A play id is the caller's own: the same id from another user is
 * another play.
 */
@RestController
@RequestMapping("/api/v1/me/plays")
class PlayController {

    /** Plays a device may send in one batch. */
    static final int MAX_BATCH = 500;

    private final PlayRecorder recorder;
    private final Clock clock;

    PlayController(PlayRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /** {@code endReason} and {@code context} are checked by the play's rules, as on the play-events topic. */
    public record PlayRequest(@NotBlank @Size(max = 100) String playId, @NotBlank @Size(max = 100) String trackId,
                              @NotNull Instant startedAt, @PositiveOrZero long msPlayed,
                              @Size(max = 100) String deviceId, @Pattern(regexp = "[A-Z]{2}") String territory,
                              String endReason, Context context, Boolean offline) {

        RecordPlay report(String userId, Instant receivedAt) {
            return new RecordPlay(playId, userId, trackId, startedAt, msPlayed, deviceId, territory, endReason,
                    context == null ? null : context.type(), context == null ? null : context.id(),
                    Boolean.TRUE.equals(offline), receivedAt);
        }
    }

    /** What the track was played from: ALBUM, PLAYLIST, ARTIST, SEARCH, RADIO, LIBRARY or OTHER, and its id. */
    public record Context(String type, String id) {
    }

    /** @param counted whether the play counts as a stream, under the rules of {@code ruleVersion} */
    public record PlayRecorded(String playId, boolean duplicate, boolean counted, int ruleVersion) {
    }

    /** Plays made offline, each checked alone: one refused play does not hold back the others. */
    public record PlayBatch(@NotEmpty @Size(max = MAX_BATCH) List<PlayRequest> plays) {
    }

    /**
     * @param status  {@code recorded}, {@code duplicate} (stored before; the first report's decision) or
     *                {@code refused} (nothing stored; {@code problem} says why, as the single endpoint would)
     */
    public record PlayResult(int index, String playId, String status, Boolean counted, Integer ruleVersion,
                             Problem problem) {
    }

    /** Why a play was refused: the HTTP status the single endpoint would answer, and the faults. */
    public record Problem(int status, String detail, List<String> errors) {
    }

    public record BatchRecorded(int recorded, int duplicates, int refused, List<PlayResult> results) {
    }

    @PostMapping
    public ResponseEntity<PlayRecorded> record(@Valid @RequestBody PlayRequest request, Principal user) {
        PlayOutcome outcome = recorder.record(List.of(request.report(user.getName(), clock.instant()))).get(0);
        if (outcome instanceof PlayOutcome.Recorded r) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new PlayRecorded(request.playId(), false,
                    r.played().counted(), r.played().ruleVersion()));
        }
        if (outcome instanceof PlayOutcome.Duplicate d) {
            return ResponseEntity.ok(new PlayRecorded(request.playId(), true, d.decision().counted(),
                    d.decision().ruleVersion()));
        }
        throw ((PlayOutcome.Refused) outcome).reason();
    }

    @PostMapping("/batch")
    public BatchRecorded recordBatch(@Valid @RequestBody PlayBatch batch, Principal user) {
        Instant receivedAt = clock.instant();
        List<RecordPlay> reports = new ArrayList<>(batch.plays().size());
        for (PlayRequest play : batch.plays()) {
            reports.add(play == null ? new RecordPlay(null, user.getName(), null, null, 0, null, null, null, null,
                    null, false, receivedAt) : play.report(user.getName(), receivedAt));
        }
        List<PlayOutcome> outcomes = recorder.record(reports);
        List<PlayResult> results = new ArrayList<>(outcomes.size());
        int recorded = 0;
        int duplicates = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            String playId = reports.get(i).playId();
            PlayOutcome outcome = outcomes.get(i);
            if (outcome instanceof PlayOutcome.Recorded r) {
                recorded++;
                results.add(new PlayResult(i, playId, "recorded", r.played().counted(), r.played().ruleVersion(),
                        null));
            } else if (outcome instanceof PlayOutcome.Duplicate d) {
                duplicates++;
                results.add(new PlayResult(i, playId, "duplicate", d.decision().counted(), d.decision().ruleVersion(),
                        null));
            } else {
                results.add(new PlayResult(i, playId, "refused", null, null,
                        problem(((PlayOutcome.Refused) outcome).reason())));
            }
        }
        return new BatchRecorded(recorded, duplicates, outcomes.size() - recorded - duplicates, results);
    }

    private static Problem problem(RuntimeException reason) {
        if (reason instanceof InvalidInputException e) {
            return new Problem(400, String.join("; ", e.errors()), e.errors());
        }
        if (reason instanceof UnknownItemException e) {
            return new Problem(404, e.getMessage(), List.of(e.getMessage()));
        }
        if (reason instanceof InvalidCommandException e) {
            return new Problem(422, String.join("; ", e.faults()), e.faults());
        }
        throw reason;
    }
}
