package io.musicstream.command.royalty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.InputRules;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The one history of royalty rules. Version 1 ({@link RoyaltyRulesAdopted#VERSION_1}) holds until a version
 * is adopted and is never stored. Each adoption is the next version and starts no earlier than it was
 * requested, nor than the previous one, so the rules of a period already past never change.
 */
@Aggregate
public class RoyaltyRules {

    public static final String ID = "royalty-rules";
    /** Bounds that keep weighted stream totals within a long. */
    public static final long MAX_STREAMS = 1_000_000_000_000L;
    public static final int MAX_DAILY_CAP = 100_000;
    public static final int MAX_WEIGHT = 100;

    @AggregateIdentifier
    private String id;
    private int version = RoyaltyRulesAdopted.VERSION_1.version();
    private Instant latestEffectiveFrom = RoyaltyRulesAdopted.VERSION_1.effectiveFrom();

    protected RoyaltyRules() {
    }

    /** @return the version adopted */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(AdoptRoyaltyRules command) {
        InputRules rules = InputRules.check().text("adoptedBy", command.adoptedBy(), InputRules.ID);
        if (command.adoptedBy() == null || command.adoptedBy().isBlank()) {
            rules.fault("adoptedBy", "is required");
        }
        if (command.model() == null) {
            rules.fault("model", "is required");
        }
        range(rules, "minTrackStreams", command.minTrackStreams(), 0, MAX_STREAMS);
        range(rules, "userDailyCap", command.userDailyCap(), 0, MAX_DAILY_CAP);
        range(rules, "artistMinStreams", command.artistMinStreams(), 0, MAX_STREAMS);
        range(rules, "artistMinListeners", command.artistMinListeners(), 0, MAX_STREAMS);
        range(rules, "artistWeight", command.artistWeight(), 1, MAX_WEIGHT);
        range(rules, "soughtOutWeight", command.soughtOutWeight(), 1, MAX_WEIGHT);
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
        apply(new RoyaltyRulesAdopted(version + 1, command.model(), command.minTrackStreams(),
                command.userDailyCap(), command.artistMinStreams(), command.artistMinListeners(),
                command.artistWeight(), command.soughtOutWeight(), command.effectiveFrom(), command.adoptedBy()));
        return version;
    }

    private static void range(InputRules rules, String field, long value, long min, long max) {
        if (value < min || value > max) {
            rules.fault(field, "must be from " + min + " to " + max + ", got " + value);
        }
    }

    @EventSourcingHandler
    void on(RoyaltyRulesAdopted event) {
        this.id = ID;
        this.version = event.version();
        this.latestEffectiveFrom = event.effectiveFrom();
    }
}
