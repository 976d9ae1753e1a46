package io.musicstream.infra.web.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code music.rate-limits.*}. Each quota allows {@code limit} requests per {@code window}, refilled
 * continuously (a token bucket), so a client that waits Retry-After may send one more request.
 *
 * @param redisTimeout    how long a request waits for Redis before the limiter counts it as away
 * @param retryRedisAfter after a Redis failure, how long the limiter does not ask it
 */
@ConfigurationProperties("music.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration redisTimeout,
        @DefaultValue("5s") Duration retryRedisAfter,
        Quota login, Quota loginIp, Quota register, Quota registerIp, Quota writes, Quota search,
        Quota billing) {

    public RateLimitProperties {
        login = Quota.orDefault(login, 10, Duration.ofMinutes(1));
        loginIp = Quota.orDefault(loginIp, 30, Duration.ofMinutes(1));
        register = Quota.orDefault(register, 5, Duration.ofMinutes(1));
        registerIp = Quota.orDefault(registerIp, 5, Duration.ofMinutes(1));
        writes = Quota.orDefault(writes, 120, Duration.ofMinutes(1));
        search = Quota.orDefault(search, 300, Duration.ofMinutes(1));
        billing = Quota.orDefault(billing, 600, Duration.ofMinutes(1));
    }

    /** {@code limit} requests per {@code window}. */
    public record Quota(Long limit, Duration window) {

        static Quota orDefault(Quota given, long limit, Duration window) {
            Quota quota = new Quota(given == null || given.limit() == null ? limit : given.limit(),
                    given == null || given.window() == null ? window : given.window());
            if (quota.limit() < 1 || quota.window().isNegative() || quota.window().isZero()) {
                throw new IllegalArgumentException("a rate limit needs a limit of at least 1 and a positive window: "
                        + quota);
            }
            return quota;
        }

        /** The window in whole seconds, at least one (the unit of the RateLimit headers). */
        long windowSeconds() {
            return Math.max(1, (window.toMillis() + 999) / 1000);
        }
    }
}
