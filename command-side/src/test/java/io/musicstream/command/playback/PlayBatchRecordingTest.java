package io.musicstream.command.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.events.ids.PlayIds;
import io.musicstream.events.playback.StreamRulesAdopted;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plays recorded many at a time, as the play-events topic and the offline batch endpoint deliver them. */
class PlayBatchRecordingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T0 = NOW.minus(Duration.ofHours(1));
    private final PlayRecorderFixture fixture = new PlayRecorderFixture();
    private final InMemoryCountedStreams counted = new InMemoryCountedStreams();

    @BeforeEach
    void catalog() {
        fixture.catalog = trackId -> trackId.startsWith("t-") ? new PlayRecorderFixture.Track(200_000, "r-" + trackId,
                List.of("a-1"), territory -> "DE".equals(territory) ? "not licensed in DE" : null) : null;
        fixture.counted = counted;
    }

    private static RecordPlay play(String playId, String userId, String trackId, Instant startedAt, long msPlayed) {
        return new RecordPlay(playId, userId, trackId, startedAt, msPlayed, null, "SE", null, null, null, false, NOW);
    }

    private static TrackPlayed played(String playId, String userId, String trackId, Instant startedAt, long msPlayed,
                                      boolean counted) {
        return new TrackPlayed(playId, userId, trackId, startedAt, msPlayed, null, "SE", "SE", "r-" + trackId,
                List.of("a-1"), null, null, false, counted, 1);
    }

    @Test
    void eachPlayOfABatchIsAnsweredInOrderAndOneRefusalHoldsBackNoOther() {
        fixture.given().when(play("p-1", "u-1", "t-1", T0, 180_000), play("p-2", "u-1", "nothing", T0, 1),
                        play("p-3", "u-1", "t-2", T0.plusSeconds(200), 180_000),
                        new RecordPlay("p-4", "u-1", "t-1", T0, 1, null, "DE", null, null, null, false, NOW),
                        play("p\u0000", "u-1", "t-1", T0, 1))
                .expectEvents(played("p-1", "u-1", "t-1", T0, 180_000, true),
                        played("p-3", "u-1", "t-2", T0.plusSeconds(200), 180_000, true))
                .expectStreams("play:u-1:p-1", "play:u-1:p-3");
        List<PlayOutcome> outcomes = fixture.outcomes();
        assertThat(outcomes).hasSize(5);
        assertThat(outcomes.get(0)).isInstanceOf(PlayOutcome.Recorded.class);
        assertThat(((PlayOutcome.Refused) outcomes.get(1)).reason()).isInstanceOf(UnknownItemException.class);
        assertThat(outcomes.get(2)).isInstanceOf(PlayOutcome.Recorded.class);
        assertThat(((PlayOutcome.Refused) outcomes.get(3)).reason()).isInstanceOf(InvalidCommandException.class);
        assertThat(((PlayOutcome.Refused) outcomes.get(4)).reason()).isInstanceOf(InvalidInputException.class);
        assertThat(outcomes).extracting(PlayOutcome::report).extracting(RecordPlay::playId)
                .containsExactly("p-1", "p-2", "p-3", "p-4", "p\u0000");
    }

    @Test
    void aPlayReportedTwiceInOneBatchIsStoredOnceAndTheRepeatGetsTheFirstDecision() {
        fixture.given().when(play("p-1", "u-1", "t-1", T0, 180_000), play("p-1", "u-1", "t-1", T0, 180_000))
                .expectEvents(played("p-1", "u-1", "t-1", T0, 180_000, true));
        assertThat(fixture.outcomes().get(1)).isEqualTo(new PlayOutcome.Duplicate(
                play("p-1", "u-1", "t-1", T0, 180_000), new StreamCounting.Decision(true, 1)));
    }

    @Test
    void aPlayStoredBeforeIsADuplicateWithTheStoredDecisionAndChangesNothing() {
        fixture.given(played("p-1", "u-1", "t-1", T0, 180_000, false))
                .when(play("p-1", "u-1", "t-1", T0, 180_000))
                .expectNoEvents();
        assertThat(fixture.outcomes().get(0)).isEqualTo(new PlayOutcome.Duplicate(
                play("p-1", "u-1", "t-1", T0, 180_000), new StreamCounting.Decision(false, 1)));
        assertThat(counted.lastCounted).isEmpty();
    }

    @Test
    void repeatsOfATrackInOneBatchAreDecidedInTheOrderTheyStarted() {
        Instant later = T0.plusSeconds(10);
        fixture.given().when(play("p-late", "u-1", "t-1", later, 180_000), play("p-early", "u-1", "t-1", T0, 180_000),
                        play("p-other", "u-2", "t-1", later, 180_000))
                .expectEvents(played("p-late", "u-1", "t-1", later, 180_000, false),
                        played("p-early", "u-1", "t-1", T0, 180_000, true),
                        played("p-other", "u-2", "t-1", later, 180_000, true));
        assertThat(counted.lastCounted).containsEntry("u-1/t-1", T0).containsEntry("u-2/t-1", later);
    }

    @Test
    void eachPlayOfABatchIsCountedByTheRulesInForceWhenItStarted() {
        fixture.rules = () -> StreamRuleHistory.initial().with(new StreamRulesAdopted(2, 60_000, 30_000, T0, "admin"));
        fixture.given().when(play("p-1", "u-1", "t-1", T0.minusSeconds(120), 45_000), play("p-2", "u-1", "t-2", T0, 45_000))
                .expectEvents(played("p-1", "u-1", "t-1", T0.minusSeconds(120), 45_000, true),
                        new TrackPlayed("p-2", "u-1", "t-2", T0, 45_000, null, "SE", "SE", "r-t-2", List.of("a-1"), null,
                                null, false, false, 2));
    }

    @Test
    void theCatalogAndTheListenersCountriesAreAskedOncePerBatch() {
        AtomicInteger countryLookups = new AtomicInteger();
        fixture.countries = new io.musicstream.command.library.ListenerCountries() {
            @Override
            public String countryOf(String userId) {
                throw new AssertionError("asked one by one");
            }

            @Override
            public java.util.Map<String, String> countriesOf(java.util.Collection<String> userIds) {
                countryLookups.incrementAndGet();
                return java.util.Map.of("u-2", "DE");
            }
        };
        List<RecordPlay> plays = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            plays.add(new RecordPlay("p-" + i, "u-" + (i % 3), "t-" + (i % 7), T0.plusSeconds(i * 60L), 180_000, null,
                    null, null, null, null, false, NOW));
        }
        fixture.given().when(plays.toArray(RecordPlay[]::new));
        assertThat(countryLookups).hasValue(1);
        assertThat(fixture.outcomes()).filteredOn(o -> o.report().userId().equals("u-2"))
                .allMatch(o -> o instanceof PlayOutcome.Refused r && r.reason() instanceof InvalidCommandException);
        assertThat(fixture.outcomes()).filteredOn(o -> !o.report().userId().equals("u-2"))
                .allMatch(o -> o instanceof PlayOutcome.Recorded);
    }

    @Test
    void aPlayStoredByAnotherWriterAfterTheLookupMakesTheBatchRetryAndAnswerDuplicate() {
        AtomicInteger appends = new AtomicInteger();
        fixture.beforeAppend = () -> {
            if (appends.incrementAndGet() == 1) {
                fixture.given(played("p-1", "u-1", "t-1", T0, 180_000, true));
                throw new AggregateStreamCreationException("play:u-1:p-1 exists");
            }
        };
        fixture.given().when(play("p-1", "u-1", "t-1", T0, 180_000), play("p-2", "u-1", "t-2", T0, 180_000))
                .expectEvents(played("p-2", "u-1", "t-2", T0, 180_000, true));
        assertThat(fixture.outcomes().get(0)).isInstanceOf(PlayOutcome.Duplicate.class);
        assertThat(appends).hasValue(2);
    }

    @Test
    void aBatchThatKeepsRacingFailsAfterThreeTries() {
        fixture.beforeAppend = () -> {
            throw new AggregateStreamCreationException("always");
        };
        assertThatThrownBy(() -> fixture.given().when(play("p-1", "u-1", "t-1", T0, 180_000)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(PlayIds.of("u-1", "p-1")).isEqualTo("play:u-1:p-1");
    }
}
