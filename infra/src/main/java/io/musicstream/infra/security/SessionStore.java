package io.musicstream.infra.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.infra.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sessions in Redis under the SHA-256 of their opaque token, so a Redis dump reveals no usable token.
 * Each check against Redis extends the session (sliding expiry); logout deletes it.
 *
 * <p>A session checked within the last {@code music.auth.session-recheck} (default 10 s) is taken from a
 * local cache, so a client's requests do not each wait for Redis. Logout evicts the session here and, through
 * the {@value #CLOSED_CHANNEL} channel, on every other node at once; should that message be lost, a node
 * honours the closed session for at most the recheck interval.
 */
@Component
public class SessionStore {

    /** Redis pub/sub channel carrying the keys of closed sessions. */
    public static final String CLOSED_CHANNEL = "sessions:closed";
    private static final String PREFIX = "session:";
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = EventJson.objectMapper();
    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final Cache<String, Session> recentlyChecked;

    public SessionStore(StringRedisTemplate redis, @Value("${music.auth.session-ttl:P7D}") Duration ttl,
                        @Value("${music.auth.session-recheck:10s}") Duration recheck) {
        this.redis = redis;
        this.ttl = ttl;
        this.recentlyChecked = Caffeine.newBuilder().expireAfterWrite(recheck).maximumSize(100_000)
                .executor(Runnable::run).build();
    }

    public Duration ttl() {
        return ttl;
    }

    /** Starts a session and returns its bearer token. */
    public String open(Session session) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            redis.opsForValue().set(key(token), json.writeValueAsString(session), ttl);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    public Optional<Session> find(String token) {
        String key = key(token);
        Session cached = recentlyChecked.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        String value = redis.opsForValue().getAndExpire(key, ttl);
        if (value == null) {
            return Optional.empty();
        }
        try {
            Session session = json.readValue(value, Session.class);
            recentlyChecked.put(key, session);
            return Optional.of(session);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Ends the session here and tells the other nodes. */
    public void close(String token) {
        String key = key(token);
        redis.delete(key);
        recentlyChecked.invalidate(key);
        redis.convertAndSend(CLOSED_CHANNEL, key);
    }

    /** Another node closed the session stored under {@code key}. */
    void closedElsewhere(String key) {
        recentlyChecked.invalidate(key);
    }

    private static String key(String token) {
        return PREFIX + Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
