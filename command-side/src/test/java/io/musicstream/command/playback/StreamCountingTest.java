package io.musicstream.command.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.playback.StreamRulesAdopted;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamCountingTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    /** Version 2 from T + 1 h: 60 s played, 120 s window. */
    private static final Instant CHANGE = T.plusSeconds(3600);
    private static final StreamRuleHistory RULES = StreamRuleHistory.initial()
            .with(new StreamRulesAdopted(2, 60_000, 120_000, CHANGE, "admin"));

    static Stream<Arguments> plays() {
        return Stream.of(
                // case, startedAt, msPlayed, last counted start of the same track by the user, counted, version
                Arguments.of("29.9 s played", T, 29_900, null, false, 1),
                Arguments.of("30 s played", T, 30_000, null, true, 1),
                Arguments.of("replay 29 s after a counted one", T.plusSeconds(29), 183_000, T, false, 1),
                Arguments.of("replay 30 s after a counted one", T.plusSeconds(30), 183_000, T, true, 1),
                Arguments.of("started 10 s before a counted one", T.minusSeconds(10), 183_000, T, false, 1),
                Arguments.of("started 30 s before a counted one", T.minusSeconds(30), 183_000, T, true, 1),
                Arguments.of("45 s just before the change, old rule", CHANGE.minusMillis(1), 45_000, null, true, 1),
                Arguments.of("45 s at the change, new rule", CHANGE, 45_000, null, false, 2),
                Arguments.of("60 s after the change, new rule", CHANGE.plusSeconds(5), 60_000, null, true, 2),
                Arguments.of("new window: 60 s after a counted one", CHANGE.plusSeconds(60), 183_000, CHANGE, false, 2),
                Arguments.of("new window: 120 s after a counted one", CHANGE.plusSeconds(120), 183_000, CHANGE, true, 2),
                Arguments.of("zero played never counts under version 1", T, 0, null, false, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plays")
    void decidesByTheRulesInForceAtTheStart(String name, Instant startedAt, long msPlayed, Instant lastCounted,
                                             boolean counted, int version) {
        assertThat(StreamCounting.decide(RULES, startedAt, msPlayed, lastCounted))
                .isEqualTo(new StreamCounting.Decision(counted, version));
        if (!counted && lastCounted == null) {
            assertThat(StreamCounting.longEnough(RULES, startedAt, msPlayed)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plays")
    void theSamePlayOfAnotherUserIsDecidedOnItsOwn(String name, Instant startedAt, long msPlayed, Instant lastCounted,
                                                   boolean counted, int version) {
        boolean longEnough = StreamCounting.longEnough(RULES, startedAt, msPlayed);
        assertThat(StreamCounting.decide(RULES, startedAt, msPlayed, null).counted()).isEqualTo(longEnough);
    }

    @org.junit.jupiter.api.Test
    void beforeAnyAdoptionVersionOneHolds() {
        assertThat(StreamRuleHistory.initial().inForceAt(Instant.EPOCH)).isEqualTo(StreamRulesAdopted.VERSION_1);
        assertThat(RULES.inForceAt(CHANGE.minusMillis(1)).version()).isEqualTo(1);
        assertThat(RULES.inForceAt(CHANGE).version()).isEqualTo(2);
    }
}
