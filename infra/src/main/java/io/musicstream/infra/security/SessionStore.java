package io.musicstream.infra.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Each use extends the session (sliding expiry); logout deletes it at once.
 */
@Component
public class SessionStore {

    private static final String PREFIX = "session:";
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = EventJson.objectMapper();
    private final StringRedisTemplate redis;
    private final Duration ttl;

    public SessionStore(StringRedisTemplate redis, @Value("${music.auth.session-ttl:P7D}") Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
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
        String value = redis.opsForValue().getAndExpire(key(token), ttl);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, Session.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public void close(String token) {
        redis.delete(key(token));
    }

    private static String key(String token) {
        return PREFIX + Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
