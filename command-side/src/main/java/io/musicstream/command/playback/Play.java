package io.musicstream.command.playback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.InputRules;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.library.ListenerCountries;
import io.musicstream.events.ids.PlayIds;
import io.musicstream.events.playback.EndReason;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One play of one track, identified by its user and the client's play id ({@link PlayIds}). It is written
 * once and never loaded again: a second report of the same play by the same user collides with the event
 * store's unique (aggregate, sequence) key, so retries and at-least-once delivery are never counted twice.
 */
@Aggregate
public class Play {

    /** How far a device clock may run ahead of the server's. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** How long a device may hold plays made offline before reporting them. */
    public static final Duration OFFLINE_WINDOW = Duration.ofDays(30);
    /** How much longer than the track a play may last (buffering, clock rounding). */
    public static final long DURATION_MARGIN_MS = 10_000;
    /** No track is longer than this; checked before the catalog is asked. */
    public static final long MAX_MS_PLAYED = Duration.ofHours(24).toMillis();

    @AggregateIdentifier
    private String playId;

    protected Play() {
    }

    @CommandHandler
    public Play(RecordPlay command, PlayableTracks catalog, ListenerCountries countries, StreamRulesInForce rules,
                CountedStreams counted) {
        checkInput(command);
        String territory = command.territory() != null ? command.territory() : countries.countryOf(command.userId());
        PlayableTracks.Track track = catalog.track(command.trackId(), territory)
                .orElseThrow(() -> new UnknownItemException("track " + command.trackId() + " does not exist"));
        if (command.msPlayed() > track.durationMs() + DURATION_MARGIN_MS) {
            InputRules.check().fault("msPlayed", "must be at most the track's duration (" + track.durationMs()
                    + " ms) plus " + DURATION_MARGIN_MS + " ms, got " + command.msPlayed()).orThrow();
        }
        if (track.unavailable() != null) {
            throw new InvalidCommandException(List.of("track " + command.trackId() + " may not be played"
                    + (territory == null ? "" : " in " + territory) + ": " + track.unavailable()));
        }
        StreamCounting.Decision decision = count(command, rules.history(), counted);
        PlayContext.Type contextType = InputRules.constant(command.contextType(), PlayContext.Type.class);
        apply(new TrackPlayed(command.playId(), command.userId(), command.trackId(), command.startedAt(),
                command.msPlayed(), command.deviceId(), command.territory(), territory, track.releaseId(),
                track.artistIds(),
                InputRules.constant(command.endReason(), EndReason.class),
                contextType == null ? null : new PlayContext(contextType, command.contextId()),
                command.offline(), decision.counted(), decision.ruleVersion()));
    }

    /** Last, once nothing can refuse the play: the lock and the record roll back with a duplicate's append. */
    private static StreamCounting.Decision count(RecordPlay play, StreamRuleHistory rules, CountedStreams counted) {
        Instant last = StreamCounting.longEnough(rules, play.startedAt(), play.msPlayed())
                ? counted.lockLastCounted(play.userId(), play.trackId()) : null;
        StreamCounting.Decision decision = StreamCounting.decide(rules, play.startedAt(), play.msPlayed(), last);
        if (decision.counted()) {
            counted.counted(play.userId(), play.trackId(), play.startedAt());
        }
        return decision;
    }

    private static void checkInput(RecordPlay command) {
        InputRules rules = InputRules.check()
                .text("playId", command.playId(), InputRules.ID)
                .text("userId", command.userId(), InputRules.ID)
                .text("trackId", command.trackId(), InputRules.ID)
                .text("deviceId", command.deviceId(), InputRules.ID)
                .territory("territory", command.territory())
                .oneOf("endReason", command.endReason(), EndReason.class)
                .oneOf("context.type", command.contextType(), PlayContext.Type.class)
                .text("context.id", command.contextId(), InputRules.ID);
        if (command.contextId() != null && command.contextType() == null) {
            rules.fault("context.type", "is required with context.id");
        }
        required(rules, "playId", command.playId());
        required(rules, "userId", command.userId());
        required(rules, "trackId", command.trackId());
        if (command.userId() != null && command.userId().indexOf(':') >= 0) {
            rules.fault("userId", "must not contain ':'");
        }
        if (command.msPlayed() < 0 || command.msPlayed() > MAX_MS_PLAYED) {
            rules.fault("msPlayed", "must be from 0 to " + MAX_MS_PLAYED + ", got " + command.msPlayed());
        }
        if (command.receivedAt() == null) {
            rules.fault("receivedAt", "is required");
        }
        if (command.startedAt() == null) {
            rules.fault("startedAt", "is required");
        } else if (command.receivedAt() != null) {
            if (command.startedAt().isAfter(command.receivedAt().plus(CLOCK_SKEW))) {
                rules.fault("startedAt", "must not be after the time the play was received (" + command.receivedAt()
                        + ") by more than " + CLOCK_SKEW.toMinutes() + " minutes");
            } else if (command.startedAt().isBefore(command.receivedAt().minus(OFFLINE_WINDOW))) {
                rules.fault("startedAt", "must not be more than " + OFFLINE_WINDOW.toDays()
                        + " days before the play was received (" + command.receivedAt() + ")");
            }
        }
        rules.orThrow();
    }

    private static void required(InputRules rules, String field, String value) {
        if (value == null || value.isBlank()) {
            rules.fault(field, "is required");
        }
    }

    @EventSourcingHandler
    void on(TrackPlayed event) {
        this.playId = PlayIds.of(event.userId(), event.playId());
    }
}
