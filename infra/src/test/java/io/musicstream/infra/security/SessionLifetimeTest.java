package io.musicstream.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.account.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final SessionLifetime lifetime = new SessionLifetime(Duration.ofDays(7), Duration.ofDays(30),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSessionIsKeptForTheTtlUntilItsAbsoluteEndIsCloser() {
        Duration fresh = lifetime.remaining(openedAgo(Duration.ofDays(1)));
        assertThat(fresh).isEqualTo(Duration.ofDays(29));
        assertThat(lifetime.keepFor(fresh)).isEqualTo(Duration.ofDays(7));

        Duration old = lifetime.remaining(openedAgo(Duration.ofDays(28)));
        assertThat(lifetime.keepFor(old)).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void aSessionIsOverAtItsAbsoluteLifetimeFromLogin() {
        assertThat(lifetime.isOver(openedAgo(Duration.ofDays(30).minusSeconds(1)))).isFalse();
        assertThat(lifetime.isOver(openedAgo(Duration.ofDays(30)))).isTrue();
        assertThat(lifetime.isOver(openedAgo(Duration.ofDays(31)))).isTrue();
        assertThat(lifetime.deadline(NOW)).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    private static Session openedAgo(Duration ago) {
        return new Session("u-1", "ada", Set.of(Role.LISTENER), NOW.minus(ago));
    }
}
