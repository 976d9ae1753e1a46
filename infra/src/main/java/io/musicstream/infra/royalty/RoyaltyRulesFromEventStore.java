package io.musicstream.infra.royalty;

import io.musicstream.command.royalty.RoyaltyRuleHistory;
import io.musicstream.command.royalty.RoyaltyRules;
import io.musicstream.command.royalty.RoyaltyRulesInForce;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The royalty rules read from the rules aggregate's events on each call: rare admin reads, always current. */
@Component
class RoyaltyRulesFromEventStore implements RoyaltyRulesInForce {

    private final EventStore events;

    RoyaltyRulesFromEventStore(EventStore events) {
        this.events = events;
    }

    @Override
    public RoyaltyRuleHistory history() {
        RoyaltyRuleHistory history = RoyaltyRuleHistory.initial();
        DomainEventStream stream = events.readEvents(RoyaltyRules.ID);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof RoyaltyRulesAdopted adopted) {
                history = history.with(adopted);
            }
        }
        return history;
    }
}
