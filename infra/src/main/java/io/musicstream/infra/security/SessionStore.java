package io.musicstream.infra.security;

import io.musicstream.infra.common.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.musicstream.infra.common.Sha256;
import io.musicstream.query.sync.StreamSessions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sessions in Redis under the SHA-256 of their opaque token, so a Redis dump reveals no usable token.
 * Each check against Redis extends the session (sliding expiry, {@code music.auth.session-ttl}), but never
 * past its absolute lifetime ({@code music.auth.session-max-lifetime}) from login; logout deletes it.
 * A set per user ({@value #USER_PREFIX}{@code <userId>}) lists the user's sessions, so that signing out
 * everywhere, a password change and a role change end them all.
 *
 * <p>A session checked within the last {@code music.auth.session-recheck} (default 10 s) is taken from a
 * local cache, so a client's requests do not each wait for Redis. Closing a session evicts it here and,
 * through the {@value #CLOSED_CHANNEL} channel, on every other node at once; should that message be lost, a
 * node honours the closed session for at most the recheck interval.
 */
@Component
public class SessionStore implements StreamSessions {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
    /** Redis pub/sub channel carrying the keys of closed sessions. */
    public static final String CLOSED_CHANNEL = "sessions:closed";
    private static final String PREFIX = "session:";
    static final String USER_PREFIX = "user-sessions:";
    /** A user's index is swept of expired sessions once it lists more than this many. */
    private static final int SWEEP_ABOVE = 20;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = Json.MAPPER;
    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final Duration maxLifetime;
    private final Clock clock;
    private final Cache<String, Session> recentlyChecked;
    private final List<Consumer<String>> endedListeners = new CopyOnWriteArrayList<>();

    @Autowired
    public SessionStore(StringRedisTemplate redis, @Value("${music.auth.session-ttl:P7D}") Duration ttl,
                        @Value("${music.auth.session-recheck:10s}") Duration recheck,
                        @Value("${music.auth.session-max-lifetime:P30D}") Duration maxLifetime, Clock clock) {
        this.redis = redis;
        this.ttl = ttl;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
        this.recentlyChecked = Caffeine.newBuilder().expireAfterWrite(recheck).maximumSize(100_000)
                .executor(Runnable::run).build();
    }

    public SessionStore(StringRedisTemplate redis, Duration ttl, Duration recheck) {
        this(redis, ttl, recheck, Duration.ofDays(30), Clock.systemUTC());
    }

    public Duration ttl() {
        return ttl;
    }

    /** Starts a session and returns its bearer token. */
    public String open(Session session) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String key = key(token);
        String userKey = USER_PREFIX + session.userId();
        Duration life = remaining(session);
        if (!isPositive(life)) {
            return token; // over before it began: nothing to store
        }
        try {
            redis.opsForValue().set(key, json.writeValueAsString(session), life.compareTo(ttl) < 0 ? life : ttl);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
        redis.opsForSet().add(userKey, key);
        // every member ends within the absolute lifetime of the newest one
        redis.expire(userKey, maxLifetime);
        Long size = redis.opsForSet().size(userKey);
        if (size != null && size > SWEEP_ABOVE) {
            sweep(userKey);
        }
        return token;
    }

    public Optional<Session> find(String token) {
        String key = key(token);
        Session cached = recentlyChecked.getIfPresent(key);
        if (cached != null) {
            if (isPositive(remaining(cached))) {
                return Optional.of(cached);
            }
            close(token);
            return Optional.empty();
        }
        String value = redis.opsForValue().getAndExpire(key, ttl);
        if (value == null) {
            return Optional.empty();
        }
        Session session = parse(value);
        if (session == null) {
            return Optional.empty();
        }
        Duration left = remaining(session);
        if (!isPositive(left)) {
            close(token);
            return Optional.empty();
        }
        if (left.compareTo(ttl) < 0) {
            redis.expire(key, left);
        }
        recentlyChecked.put(key, session);
        return Optional.of(session);
    }

    /** The id of the session a token opens: its Redis key, which holds nothing usable as a token. */
    public static String idOf(String token) {
        return key(token);
    }

    /** Ends the session here and tells the other nodes. */
    public void close(String token) {
        String key = key(token);
        String value = redis.opsForValue().getAndDelete(key);
        Session session = value == null ? null : parse(value);
        if (session != null) {
            redis.opsForSet().remove(USER_PREFIX + session.userId(), key);
        }
        announceEnded(key);
    }

    /**
     * Ends every session of {@code userId} except the one opened by {@code keepToken} (none when
     * {@code null}), on every node; returns how many ended.
     */
    public int closeAll(String userId, String keepToken) {
        String userKey = USER_PREFIX + userId;
        Set<String> members = redis.opsForSet().members(userKey);
        if (members == null || members.isEmpty()) {
            return 0;
        }
        Set<String> closing = new HashSet<>(members);
        if (keepToken != null) {
            closing.remove(key(keepToken));
        }
        if (closing.isEmpty()) {
            return 0;
        }
        Long deleted = redis.delete(closing);
        redis.opsForSet().remove(userKey, closing.toArray());
        closing.forEach(this::announceEnded);
        return deleted == null ? 0 : deleted.intValue();
    }

    /** Sessions of {@code sessionIds} that are gone from Redis or past their absolute lifetime. */
    @Override
    public Set<String> ended(Collection<String> sessionIds) {
        Set<String> ended = new HashSet<>();
        List<String> ids = new ArrayList<>(sessionIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            List<String> values = redis.opsForValue().multiGet(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                String value = values == null ? null : values.get(i);
                Session session = value == null ? null : parse(value);
                if (session == null || !isPositive(remaining(session))) {
                    ended.add(chunk.get(i));
                }
            }
        }
        return ended;
    }

    @Override
    public void onEnded(Consumer<String> listener) {
        endedListeners.add(listener);
    }

    /** Another node closed the session stored under {@code key}. */
    void closedElsewhere(String key) {
        recentlyChecked.invalidate(key);
        notifyEnded(key);
    }

    private void announceEnded(String key) {
        recentlyChecked.invalidate(key);
        notifyEnded(key);
        redis.convertAndSend(CLOSED_CHANNEL, key);
    }

    private void notifyEnded(String key) {
        for (Consumer<String> listener : endedListeners) {
            try {
                listener.accept(key);
            } catch (RuntimeException e) {
                log.warn("a listener of ended sessions failed: {}", e.toString());
            }
        }
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

    private Duration remaining(Session session) {
        return Duration.between(clock.instant(), session.createdAt().plus(maxLifetime));
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private Session parse(String value) {
        try {
            return json.readValue(value, Session.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String key(String token) {
        return PREFIX + Sha256.hex(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** When a session opened at {@code createdAt} ends at the latest. */
    public Instant deadline(Instant createdAt) {
        return createdAt.plus(maxLifetime);
    }
}
