package io.musicstream.infra.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StallRuleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final StallRule rule = new StallRule(clock, Duration.ofSeconds(60));

    @Test
    void aProcessorBehindThatDoesNotAdvanceStallsAfterTheConfiguredTime() {
        assertThat(rule.observe(100, 5)).isFalse();
        clock.advance(Duration.ofSeconds(60));
        assertThat(rule.observe(100, 5)).as("at the limit").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(rule.observe(100, 9)).isTrue();
        assertThat(rule.sinceProgress()).isEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void advancingRestartsTheClock() {
        rule.observe(100, 5);
        clock.advance(Duration.ofSeconds(50));
        rule.observe(101, 5);
        clock.advance(Duration.ofSeconds(50));
        assertThat(rule.observe(101, 5)).isFalse();
        clock.advance(Duration.ofSeconds(11));
        assertThat(rule.observe(101, 5)).isTrue();
        rule.observe(102, 5);
        assertThat(rule.observe(102, 5)).as("moving again").isFalse();
    }

    @Test
    void anIdleProcessorThatIsNotBehindNeverStalls() {
        rule.observe(100, 0);
        clock.advance(Duration.ofHours(1));
        assertThat(rule.observe(100, 0)).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(rule.observe(100, 3)).as("fell behind only 30 s ago").isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(rule.observe(100, 3)).isTrue();
    }
}
