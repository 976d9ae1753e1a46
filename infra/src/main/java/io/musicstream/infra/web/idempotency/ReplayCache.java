package io.musicstream.infra.web.idempotency;

import io.musicstream.infra.common.Json;
import tools.jackson.databind.json.JsonMapper;
import io.musicstream.infra.common.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Completed answers in Redis, the fast path for retries. Never trusted alone: a miss, a fingerprint that
 * differs or a Redis failure all fall back to PostgreSQL.
 */
@Component
class ReplayCache {

    private static final Logger log = LoggerFactory.getLogger(ReplayCache.class);
    private static final String PREFIX = "idem:";

    private final JsonMapper json = Json.MAPPER;
    private final StringRedisTemplate redis;
    private final Duration retention;

    ReplayCache(StringRedisTemplate redis, @Value("${music.idempotency.retention:24h}") Duration retention) {
        this.redis = redis;
        this.retention = retention;
    }

    Optional<StoredResponse> find(String scope, String key) {
        try {
            String value = redis.opsForValue().get(redisKey(scope, key));
            return value == null ? Optional.empty() : Optional.of(json.readValue(value, StoredResponse.class));
        } catch (Exception e) {
            log.warn("idempotency cache read failed; using PostgreSQL: {}", e.toString());
            return Optional.empty();
        }
    }

    void put(String scope, String key, StoredResponse answer) {
        try {
            redis.opsForValue().set(redisKey(scope, key), json.writeValueAsString(answer),
                    retention);
        } catch (Exception e) {
            log.warn("idempotency cache write failed; PostgreSQL still holds the answer: {}", e.toString());
        }
    }

    static String redisKey(String scope, String key) {
        return PREFIX + Sha256.hex((scope + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }
}
