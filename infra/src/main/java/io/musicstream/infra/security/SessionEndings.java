package io.musicstream.infra.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Tells that a session ended: this node's listeners at once, and the other nodes through the Redis pub/sub
 * channel {@value #CHANNEL}, which carries the session's key.
 */
final class SessionEndings {

    static final String CHANNEL = "sessions:closed";
    private static final Logger log = LoggerFactory.getLogger(SessionEndings.class);

    private final StringRedisTemplate redis;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    SessionEndings(StringRedisTemplate redis) {
        this.redis = redis;
    }

    void onEnded(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** A session ended on this node: tells the listeners here and the other nodes. */
    void endedHere(String key) {
        notifyListeners(key);
        redis.convertAndSend(CHANNEL, key);
    }

    /** Another node said that a session ended: tells the listeners here. */
    void endedElsewhere(String key) {
        notifyListeners(key);
    }

    private void notifyListeners(String key) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(key);
            } catch (RuntimeException e) {
                log.warn("a listener of ended sessions failed: {}", e.toString());
            }
        }
    }
}
