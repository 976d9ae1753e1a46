package io.musicstream.command.playback;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.InputRules;
import io.musicstream.events.playback.StreamRulesAdopted;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The one history of stream-counting rules. Version 1 ({@link StreamRulesAdopted#VERSION_1}) holds until a
 * version is adopted and is never stored, so an empty event store and a replay from zero count alike.
 * Each adoption is the next version and starts no earlier than it was requested, nor than the previous one.
 */
@Aggregate
public class StreamRules {

    public static final String ID = "stream-rules";
    /** Longest repeat window an admin may set. */
    public static final Duration MAX_REPEAT_WINDOW = Duration.ofDays(1);

    @AggregateIdentifier
    private String id;
    private int version = StreamRulesAdopted.VERSION_1.version();
    private Instant latestEffectiveFrom = StreamRulesAdopted.VERSION_1.effectiveFrom();

    protected StreamRules() {
    }

    /** @return the version adopted */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(AdoptStreamRules command) {
        InputRules rules = InputRules.check().text("adoptedBy", command.adoptedBy(), InputRules.ID);
        if (command.adoptedBy() == null || command.adoptedBy().isBlank()) {
            rules.fault("adoptedBy", "is required");
        }
        if (command.minMsPlayed() < 0 || command.minMsPlayed() > PlayRecorder.MAX_MS_PLAYED) {
            rules.fault("minMsPlayed", "must be from 0 to " + PlayRecorder.MAX_MS_PLAYED + ", got " + command.minMsPlayed());
        }
        if (command.repeatWindowMs() < 0 || command.repeatWindowMs() > MAX_REPEAT_WINDOW.toMillis()) {
            rules.fault("repeatWindow", "must be from 0 to " + MAX_REPEAT_WINDOW.toSeconds() + " s, got "
                    + command.repeatWindowMs() + " ms");
        }
        if (command.requestedAt() == null) {
            rules.fault("requestedAt", "is required");
        }
        if (command.effectiveFrom() == null) {
            rules.fault("effectiveFrom", "is required");
        } else if (command.requestedAt() != null && command.effectiveFrom().isBefore(command.requestedAt())) {
            rules.fault("effectiveFrom", "must not be before now (" + command.requestedAt()
                    + "): rules never change periods already past");
        } else if (!command.effectiveFrom().isAfter(latestEffectiveFrom)) {
            rules.fault("effectiveFrom", "must be after the start of version " + version + " ("
                    + latestEffectiveFrom + ")");
        }
        rules.orThrow();
        apply(new StreamRulesAdopted(version + 1, command.minMsPlayed(), command.repeatWindowMs(),
                command.effectiveFrom(), command.adoptedBy()));
        return version;
    }

    @EventSourcingHandler
    void on(StreamRulesAdopted event) {
        this.id = ID;
        this.version = event.version();
        this.latestEffectiveFrom = event.effectiveFrom();
    }
}
