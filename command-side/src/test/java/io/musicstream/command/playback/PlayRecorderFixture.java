package io.musicstream.command.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.library.ListenerCountries;
import io.musicstream.events.ids.PlayIds;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.hamcrest.Matcher;
import org.hamcrest.MatcherAssert;

/**
 * Given plays already stored, when reports are recorded, expect these events or this refusal: the recorder
 * over in-memory ports, with the event bus capturing what it publishes.
 */
final class PlayRecorderFixture {

    Function<String, PlayableTracks.Track> catalog = trackId -> null;
    ListenerCountries countries = userId -> null;
    ListenerPlans plans = userIds -> Map.of();
    StreamRulesInForce rules = StreamRuleHistory::initial;
    CountedStreams counted = new InMemoryCountedStreams();
    /** Plays stored before, by stream id. */
    final Map<String, TrackPlayed> stored = new HashMap<>();
    private final List<DomainEventMessage<?>> published = new ArrayList<>();
    private List<PlayOutcome> outcomes = List.of();

    /** A track of the catalog that plays everywhere but where {@code unavailable} says. */
    record Track(long durationMs, String releaseId, List<String> artistIds,
                 Function<String, String> unavailable) implements PlayableTracks.Track {
        @Override
        public String unavailableIn(String territory) {
            return unavailable.apply(territory);
        }
    }

    PlayRecorderFixture given(TrackPlayed... plays) {
        for (TrackPlayed play : plays) {
            stored.put(PlayIds.of(play.userId(), play.playId()), play);
        }
        return this;
    }

    /** Stands in for a writer that stores the same plays between this batch's lookup and its append. */
    Runnable beforeAppend = () -> {
    };

    PlayRecorderFixture when(RecordPlay... reports) {
        SimpleEventBus bus = new SimpleEventBus(SimpleEventBus.builder()) {
            @Override
            public void publish(List<? extends EventMessage<?>> events) {
                beforeAppend.run();
                super.publish(events);
            }
        };
        bus.subscribe(messages -> messages.forEach(m -> published.add((DomainEventMessage<?>) m)));
        PlayableTracks tracks = ids -> {
            Map<String, PlayableTracks.Track> found = new HashMap<>();
            ids.forEach(id -> {
                PlayableTracks.Track track = catalog.apply(id);
                if (track != null) {
                    found.put(id, track);
                }
            });
            return found;
        };
        RecordedPlays recorded = ids -> {
            Map<String, StreamCounting.Decision> found = new HashMap<>();
            ids.forEach(id -> {
                TrackPlayed play = stored.get(id);
                if (play != null) {
                    found.put(id, new StreamCounting.Decision(play.counted(), play.ruleVersion()));
                }
            });
            return found;
        };
        outcomes = new PlayRecorder(tracks, countries, plans, rules, counted, recorded, bus, this::startTransaction)
                .record(Arrays.asList(reports));
        return this;
    }

    /** A rolled back batch leaves the in-memory counted streams as they were, as the database would. */
    private Transaction startTransaction() {
        if (!(counted instanceof InMemoryCountedStreams memory)) {
            return NoTransactionManager.INSTANCE.startTransaction();
        }
        Map<String, Instant> before = new HashMap<>(memory.lastCounted);
        return new Transaction() {
            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
                memory.lastCounted.clear();
                memory.lastCounted.putAll(before);
            }
        };
    }

    List<PlayOutcome> outcomes() {
        return outcomes;
    }

    PlayRecorderFixture expectEvents(TrackPlayed... events) {
        assertThat(published.stream().<Object>map(EventMessage::getPayload).toList()).containsExactly((Object[]) events);
        return this;
    }

    PlayRecorderFixture expectNoEvents() {
        assertThat(published).isEmpty();
        return this;
    }

    /** Every event is the first of the stream of its user's play. */
    PlayRecorderFixture expectStreams(String... streamIds) {
        assertThat(published).extracting(DomainEventMessage::getAggregateIdentifier).containsExactly(streamIds);
        assertThat(published).allSatisfy(m -> {
            assertThat(m.getSequenceNumber()).isZero();
            assertThat(m.getType()).isEqualTo(PlayRecorder.STREAM_TYPE);
        });
        return this;
    }

    /** The single report was refused for this reason. */
    PlayRecorderFixture expectException(Class<? extends RuntimeException> reason) {
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0)).isInstanceOf(PlayOutcome.Refused.class);
        assertThat(((PlayOutcome.Refused) outcomes.get(0)).reason()).isInstanceOf(reason);
        return this;
    }

    PlayRecorderFixture expectExceptionMessage(String message) {
        assertThat(((PlayOutcome.Refused) outcomes.get(0)).reason()).hasMessage(message);
        return this;
    }

    PlayRecorderFixture expectExceptionMessage(Matcher<String> message) {
        MatcherAssert.assertThat(((PlayOutcome.Refused) outcomes.get(0)).reason().getMessage(), message);
        return this;
    }
}
