package io.musicstream.infra.security;

import io.musicstream.infra.common.Json;
import io.musicstream.infra.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions in Redis: each as JSON under {@value #PREFIX} and the SHA-256 of its token (its key, so a Redis
 * dump reveals no usable token), and a set per user ({@value #USER_PREFIX}{@code <userId>}) of its keys, so
 * that all of a user's sessions can be ended together.
 */
final class SessionRecords {

    private static final String PREFIX = "session:";
    static final String USER_PREFIX = "user-sessions:";
    /** A user's index is swept of expired sessions once it lists more than this many. */
    private static final int SWEEP_ABOVE = 20;

    private final JsonMapper json = Json.MAPPER;
    private final StringRedisTemplate redis;
    private final SessionLifetime lifetime;

    SessionRecords(StringRedisTemplate redis, SessionLifetime lifetime) {
        this.redis = redis;
        this.lifetime = lifetime;
    }

    /** The key of the session a token opens. */
    static String key(String token) {
        return PREFIX + Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Stores the session under {@code key} for {@code keepFor} and lists it in its user's index. */
    void store(String key, Session session, Duration keepFor) {
        String userKey = USER_PREFIX + session.userId();
        try {
            redis.opsForValue().set(key, json.writeValueAsString(session), keepFor);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
        redis.opsForSet().add(userKey, key);
        // every member ends within the absolute lifetime of the newest one
        redis.expire(userKey, lifetime.maxLifetime());
        Long size = redis.opsForSet().size(userKey);
        if (size != null && size > SWEEP_ABOVE) {
            sweep(userKey);
        }
    }

    /** The session under {@code key}, kept {@code keepFor} longer; null when there is none. */
    Session getAndKeep(String key, Duration keepFor) {
        String value = redis.opsForValue().getAndExpire(key, keepFor);
        return value == null ? null : parse(value);
    }

    void keep(String key, Duration keepFor) {
        redis.expire(key, keepFor);
    }

    /** Deletes the session under {@code key} and takes it out of its user's index. */
    void delete(String key) {
        String value = redis.opsForValue().getAndDelete(key);
        Session session = value == null ? null : parse(value);
        if (session != null) {
            redis.opsForSet().remove(USER_PREFIX + session.userId(), key);
        }
    }

    /** The keys of the sessions listed for {@code userId}. */
    Set<String> keysOf(String userId) {
        Set<String> members = redis.opsForSet().members(USER_PREFIX + userId);
        return members == null ? Set.of() : members;
    }

    /** Deletes the sessions under {@code keys} of {@code userId}; returns how many there were. */
    int deleteAll(String userId, Set<String> keys) {
        Long deleted = redis.delete(keys);
        redis.opsForSet().remove(USER_PREFIX + userId, keys.toArray());
        return deleted == null ? 0 : deleted.intValue();
    }

    /** Those of {@code keys} whose session is gone or past its absolute lifetime. */
    Set<String> ended(Collection<String> keys) {
        Set<String> ended = new HashSet<>();
        List<String> ids = new ArrayList<>(keys);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            List<String> values = redis.opsForValue().multiGet(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                String value = values == null ? null : values.get(i);
                Session session = value == null ? null : parse(value);
                if (session == null || lifetime.isOver(session)) {
                    ended.add(chunk.get(i));
                }
            }
        }
        return ended;
    }

    /** Drops sessions that expired from a user's index. */
    private void sweep(String userKey) {
        Set<String> members = redis.opsForSet().members(userKey);
        if (members == null || members.isEmpty()) {
            return;
        }
        Set<String> gone = ended(members);
        if (!gone.isEmpty()) {
            redis.opsForSet().remove(userKey, gone.toArray());
        }
    }

    private Session parse(String value) {
        try {
            return json.readValue(value, Session.class);
        } catch (JacksonException e) {
            return null;
        }
    }
}
