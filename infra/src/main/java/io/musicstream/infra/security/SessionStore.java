package io.musicstream.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.musicstream.query.sync.StreamSessions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sign-in sessions behind opaque bearer tokens, kept in Redis ({@link SessionRecords}). Each check against
 * Redis extends the session (sliding expiry, {@code music.auth.session-ttl}), but never past its absolute
 * lifetime ({@code music.auth.session-max-lifetime}) from login ({@link SessionLifetime}); logout deletes it.
 * Signing out everywhere, a password change and a role change end all of a user's sessions.
 *
 * <p>A session checked within the last {@code music.auth.session-recheck} (default 10 s) is taken from a
 * local cache, so a client's requests do not each wait for Redis. Closing a session evicts it here and,
 * through the {@value #CLOSED_CHANNEL} channel ({@link SessionEndings}), on every other node at once; should
 * that message be lost, a node honours the closed session for at most the recheck interval.
 */
@Component
public class SessionStore implements StreamSessions {

    /** Redis pub/sub channel carrying the keys of closed sessions. */
    public static final String CLOSED_CHANNEL = SessionEndings.CHANNEL;
    private final SecureRandom random = new SecureRandom();
    private final SessionLifetime lifetime;
    private final SessionRecords records;
    private final SessionEndings endings;
    private final Cache<String, Session> recentlyChecked;

    @Autowired
    public SessionStore(StringRedisTemplate redis, @Value("${music.auth.session-ttl:P7D}") Duration ttl,
                        @Value("${music.auth.session-recheck:10s}") Duration recheck,
                        @Value("${music.auth.session-max-lifetime:P30D}") Duration maxLifetime, Clock clock) {
        this.lifetime = new SessionLifetime(ttl, maxLifetime, clock);
        this.records = new SessionRecords(redis, lifetime);
        this.endings = new SessionEndings(redis);
        this.recentlyChecked = Caffeine.newBuilder().expireAfterWrite(recheck).maximumSize(100_000)
                .executor(Runnable::run).build();
    }

    public SessionStore(StringRedisTemplate redis, Duration ttl, Duration recheck) {
        this(redis, ttl, recheck, Duration.ofDays(30), Clock.systemUTC());
    }

    public Duration ttl() {
        return lifetime.ttl();
    }

    /** Starts a session and returns its bearer token. */
    public String open(Session session) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Duration life = lifetime.remaining(session);
        if (!SessionLifetime.isLeft(life)) {
            return token; // over before it began: nothing to store
        }
        records.store(idOf(token), session, lifetime.keepFor(life));
        return token;
    }

    public Optional<Session> find(String token) {
        String key = idOf(token);
        Session cached = recentlyChecked.getIfPresent(key);
        if (cached != null) {
            if (!lifetime.isOver(cached)) {
                return Optional.of(cached);
            }
            close(token);
            return Optional.empty();
        }
        Session session = records.getAndKeep(key, lifetime.ttl());
        if (session == null) {
            return Optional.empty();
        }
        Duration left = lifetime.remaining(session);
        if (!SessionLifetime.isLeft(left)) {
            close(token);
            return Optional.empty();
        }
        if (left.compareTo(lifetime.ttl()) < 0) {
            records.keep(key, left);
        }
        recentlyChecked.put(key, session);
        return Optional.of(session);
    }

    /** The id of the session a token opens: its Redis key, which holds nothing usable as a token. */
    public static String idOf(String token) {
        return SessionRecords.key(token);
    }

    /** Ends the session here and tells the other nodes. */
    public void close(String token) {
        String key = idOf(token);
        records.delete(key);
        endedHere(key);
    }

    /**
     * Ends every session of {@code userId} except the one opened by {@code keepToken} (none when
     * {@code null}), on every node; returns how many ended.
     */
    public int closeAll(String userId, String keepToken) {
        Set<String> members = records.keysOf(userId);
        if (members.isEmpty()) {
            return 0;
        }
        Set<String> closing = new HashSet<>(members);
        if (keepToken != null) {
            closing.remove(idOf(keepToken));
        }
        if (closing.isEmpty()) {
            return 0;
        }
        int deleted = records.deleteAll(userId, closing);
        closing.forEach(this::endedHere);
        return deleted;
    }

    /** Sessions of {@code sessionIds} that are gone from Redis or past their absolute lifetime. */
    @Override
    public Set<String> ended(Collection<String> sessionIds) {
        return records.ended(sessionIds);
    }

    @Override
    public void onEnded(Consumer<String> listener) {
        endings.onEnded(listener);
    }

    /** Another node closed the session stored under {@code key}. */
    void closedElsewhere(String key) {
        recentlyChecked.invalidate(key);
        endings.endedElsewhere(key);
    }

    /** When a session opened at {@code createdAt} ends at the latest. */
    public Instant deadline(Instant createdAt) {
        return lifetime.deadline(createdAt);
    }

    private void endedHere(String key) {
        recentlyChecked.invalidate(key);
        endings.endedHere(key);
    }
}
