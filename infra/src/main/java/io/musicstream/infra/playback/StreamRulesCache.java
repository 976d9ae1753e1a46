package io.musicstream.infra.playback;

import io.musicstream.command.playback.StreamRuleHistory;
import io.musicstream.command.playback.StreamRules;
import io.musicstream.command.playback.StreamRulesInForce;
import io.musicstream.events.playback.StreamRulesAdopted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The stream rules read from the rules aggregate's events and kept in memory: refreshed after the commit of
 * an adoption handled on this node, and read again at most every {@code music.stream-rules.refresh} so that
 * other nodes learn of it too (docs/listening.md).
 */
@Component
@ProcessingGroup(StreamRulesCache.PROCESSING_GROUP)
public class StreamRulesCache implements StreamRulesInForce {

    /** Subscribing: the refresh runs on the node that adopted the rules. */
    public static final String PROCESSING_GROUP = "stream-rules";

    private record Loaded(StreamRuleHistory history, Instant at) {
    }

    private final EventStore events;
    private final Clock clock;
    private final Duration refresh;
    private volatile Loaded loaded;

    StreamRulesCache(EventStore events, Clock clock,
                     @Value("${music.stream-rules.refresh:PT10S}") Duration refresh) {
        this.events = events;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public StreamRuleHistory history() {
        Loaded current = loaded;
        if (current == null || current.at().plus(refresh).isBefore(clock.instant())) {
            current = load();
        }
        return current.history();
    }

    private synchronized Loaded load() {
        Instant at = clock.instant();
        StreamRuleHistory history = StreamRuleHistory.initial();
        DomainEventStream stream = events.readEvents(StreamRules.ID);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof StreamRulesAdopted adopted) {
                history = history.with(adopted);
            }
        }
        Loaded fresh = new Loaded(history, at);
        loaded = fresh;
        return fresh;
    }

    @EventHandler
    void on(StreamRulesAdopted adopted) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> added(adopted));
        } else {
            added(adopted);
        }
    }

    private synchronized void added(StreamRulesAdopted adopted) {
        Loaded current = loaded;
        loaded = new Loaded((current == null ? StreamRuleHistory.initial() : current.history()).with(adopted),
                current == null ? Instant.EPOCH : current.at());
    }
}
