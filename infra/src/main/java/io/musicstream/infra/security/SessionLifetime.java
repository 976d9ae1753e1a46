package io.musicstream.infra.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a session lives: each use extends it by {@code ttl} (sliding expiry), but never past
 * {@code maxLifetime} from its login (absolute lifetime).
 */
final class SessionLifetime {

    private final Duration ttl;
    private final Duration maxLifetime;
    private final Clock clock;

    SessionLifetime(Duration ttl, Duration maxLifetime, Clock clock) {
        this.ttl = ttl;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    Duration maxLifetime() {
        return maxLifetime;
    }

    /** Time left until the session's absolute end; zero or negative once it is over. */
    Duration remaining(Session session) {
        return Duration.between(clock.instant(), session.createdAt().plus(maxLifetime));
    }

    boolean isOver(Session session) {
        return !isLeft(remaining(session));
    }

    /** How long to keep a session unused, given {@code remaining}: the ttl, cut at the absolute end. */
    Duration keepFor(Duration remaining) {
        return remaining.compareTo(ttl) < 0 ? remaining : ttl;
    }

    /** When a session opened at {@code createdAt} ends at the latest. */
    Instant deadline(Instant createdAt) {
        return createdAt.plus(maxLifetime);
    }

    static boolean isLeft(Duration remaining) {
        return !remaining.isNegative() && !remaining.isZero();
    }
}
