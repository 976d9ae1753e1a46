package io.musicstream.infra.web.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeoutException;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.musicstream.infra.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis (Bucket4j's Lettuce backend, compare-and-swap), one per quota and subject, kept under
 * the SHA-256 of the subject so Redis holds no usernames or addresses. The connection is opened from the
 * application's Lettuce client when the application is ready (or on first use). Concurrent requests of this node
 * to one bucket are sent to Redis as one (Bucket4j's batching, on a proxy kept per bucket for a while), so a
 * burst on one key does not make compare-and-swap retry until it times out. After
 * a connection failure the limiter does not ask Redis for {@code retryRedisAfter}, so an outage costs one
 * failure, not one per request; a timeout fails only its own request.
 */
class RedisRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Supplier<RedisClient> client;
    private final Duration timeout;
    private final Duration retryAfter;
    private volatile ProxyManager<byte[]> buckets;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private volatile long unavailableUntilNanos;
    private volatile boolean unavailable;
    private final Cache<String, BucketProxy> recentBuckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(2)).build();

    RedisRateLimiter(Supplier<RedisClient> client, Duration timeout, Duration retryAfter) {
        this.client = client;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
    }

    /** Takes one request from the subject's bucket of this policy. */
    RateLimitDecision consume(Policy policy, String subject) {
        long now = System.nanoTime();
        if (unavailable && now - unavailableUntilNanos < 0) {
            throw new RateLimiterUnavailableException("Redis is away", secondsUntil(unavailableUntilNanos, now), null);
        }
        try {
            ProxyManager<byte[]> manager = buckets();
            String key = key(policy, subject);
            ConsumptionProbe probe = recentBuckets.get(key, k -> manager.builder()
                            .withOptimization(Optimizations.batching())
                            .build(k.getBytes(StandardCharsets.UTF_8), () -> configuration(policy.quota())))
                    .tryConsumeAndReturnRemaining(1);
            if (unavailable) {
                unavailable = false;
                log.info("rate limiter: Redis answers again");
            }
            long reset = ceilSeconds(probe.getNanosToWaitForReset());
            return probe.isConsumed()
                    ? new RateLimitDecision(policy, true, probe.getRemainingTokens(), reset, 0)
                    : new RateLimitDecision(policy, false, 0, Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())),
                            Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill())));
        } catch (TimeoutException e) {
            log.debug("rate limiter: Redis did not answer in time: {}", e.toString());
            throw new RateLimiterUnavailableException("Redis did not answer in time", 1, e);
        } catch (RuntimeException e) {
            unavailableUntilNanos = System.nanoTime() + retryAfter.toNanos();
            if (!unavailable) {
                unavailable = true;
                log.warn("rate limiter: Redis is away, not asking it for {}: {}", retryAfter, e.toString());
            }
            throw new RateLimiterUnavailableException("Redis is away", Math.max(1, retryAfter.toSeconds()), e);
        }
    }

    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        if (current == null) {
            synchronized (this) {
                current = buckets;
                if (current == null) {
                    connection = client.get().connect(ByteArrayCodec.INSTANCE);
                    current = Bucket4jLettuce.casBasedBuilder(connection)
                            .requestTimeout(timeout)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build();
                    buckets = current;
                }
            }
        }
        return current;
    }

    /** Opens the connection ahead of the first request; a Redis that is away now is retried on first use. */
    void connect() {
        try {
            buckets();
        } catch (RuntimeException e) {
            log.warn("rate limiter: cannot reach Redis yet: {}", e.toString());
        }
    }

    synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }

    private static BucketConfiguration configuration(RateLimitProperties.Quota quota) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(quota.limit()).refillGreedy(quota.limit(), quota.window()))
                .build();
    }

    private static String key(Policy policy, String subject) {
        return "ratelimit:" + policy.name() + ":" + Sha256.hex(subject.getBytes(StandardCharsets.UTF_8));
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }

    private static long secondsUntil(long deadlineNanos, long now) {
        return Math.max(1, ceilSeconds(deadlineNanos - now));
    }
}
