package io.musicstream.query.sync;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The push streams open on this node, by user and by session. A user holds at most {@code maxPerUser}
 * streams and the node at most {@code maxStreams}; a stream over a cap is refused, the open ones stay.
 */
final class StreamRegistry {

    private final Map<String, Set<PushStream>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<PushStream>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int maxPerUser;
    private final int maxStreams;

    StreamRegistry(int maxPerUser, int maxStreams) {
        this.maxPerUser = maxPerUser;
        this.maxStreams = maxStreams;
    }

    /** @throws TooManyStreamsException when the stream's user or this node holds as many as allowed */
    void add(PushStream stream) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new TooManyStreamsException("this server holds its maximum of " + maxStreams
                    + " push streams; retry later");
        }
        AtomicBoolean added = new AtomicBoolean();
        byUser.compute(stream.userId(), (u, set) -> {
            Set<PushStream> streams = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (streams.size() < maxPerUser) {
                added.set(streams.add(stream));
            }
            return streams.isEmpty() ? null : streams;
        });
        if (!added.get()) {
            open.decrementAndGet();
            throw new TooManyStreamsException("at most " + maxPerUser
                    + " push streams per user; close one of your other devices' streams first");
        }
        bySession.computeIfAbsent(stream.sessionId(), s -> ConcurrentHashMap.newKeySet()).add(stream);
    }

    /** Takes the stream out; only its first removal counts. */
    void remove(PushStream stream) {
        if (!stream.markRemoved()) {
            return;
        }
        open.decrementAndGet();
        byUser.computeIfPresent(stream.userId(), (u, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
        bySession.computeIfPresent(stream.sessionId(), (s, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    /** Forgets the session and returns its streams, which the caller ends. */
    Set<PushStream> removeSession(String sessionId) {
        Set<PushStream> streams = bySession.remove(sessionId);
        return streams == null ? Set.of() : streams;
    }

    Collection<PushStream> ofUser(String userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    boolean hasUser(String userId) {
        return byUser.containsKey(userId);
    }

    boolean isEmpty() {
        return byUser.isEmpty();
    }

    List<String> users() {
        return List.copyOf(byUser.keySet());
    }

    List<String> sessions() {
        return List.copyOf(bySession.keySet());
    }

    void forEach(Consumer<PushStream> action) {
        byUser.values().forEach(streams -> streams.forEach(action));
    }

    int open() {
        return open.get();
    }
}
