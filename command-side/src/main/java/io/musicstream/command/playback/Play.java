package io.musicstream.command.playback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.playback.RecordPlay;
import io.musicstream.events.playback.TrackPlayed;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One play of one track, identified by the client's play id. It is written once and never loaded again:
 * a second report of the same play collides with the event store's unique (aggregate, sequence) key,
 * so duplicates from retries or at-least-once delivery can never be counted twice.
 */
@Aggregate
public class Play {

    @AggregateIdentifier
    private String playId;

    protected Play() {
    }

    @CommandHandler
    public Play(RecordPlay command) {
        List<String> faults = new ArrayList<>();
        if (blank(command.playId())) {
            faults.add("playId is required");
        }
        if (blank(command.userId())) {
            faults.add("userId is required");
        }
        if (blank(command.trackId())) {
            faults.add("trackId is required");
        }
        if (command.startedAt() == null) {
            faults.add("startedAt is required");
        }
        if (command.msPlayed() < 0) {
            faults.add("msPlayed must not be negative");
        }
        if (!faults.isEmpty()) {
            throw new InvalidCommandException(faults);
        }
        apply(new TrackPlayed(command.playId(), command.userId(), command.trackId(), command.startedAt(),
                command.msPlayed(), command.deviceId(), command.territory()));
    }

    @EventSourcingHandler
    void on(TrackPlayed event) {
        this.playId = event.playId();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
