package io.musicstream.query.sync;

import io.musicstream.projections.library.SyncFeed;
import io.musicstream.projections.library.SyncWatermark;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events that tell every connected device of a user its new {@code syncToken} as soon as the
 * sync feed can serve the user's change (the {@link SyncWatermark} bound passes it), so devices pull the
 * delta at once. One query per bound move finds which connected users changed (a user held by a dead letter
 * has no changes past it until it is resolved, which pushes again). A comment line every
 * heartbeat (15 s) keeps proxies from closing idle streams.
 *
 * <p>Nothing here writes to a client on the bound's thread: each stream has a mailbox of one pending token
 * (newer tokens replace older ones, so a slow reader never builds a backlog) that a small pool of sender
 * threads drains. A send that does not return within {@code music.sync.push.send-timeout} drops its stream
 * and lends the pool a spare thread until the stuck write fails, so other streams keep moving.
 *
 * <p>A stream ends with its sign-in session (logout, revocation, expiry: checked at each heartbeat and told
 * at once by {@link StreamSessions}). Streams are capped per user and per node; a stream over a cap is
 * refused with {@link TooManyStreamsException}, the ones already open stay.
 */
@Component
public class SyncPush implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncPush.class);

    private final Map<String, Set<Stream>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Set<Stream>> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger stuckSenders = new AtomicInteger();
    private final Set<Stream> sending = ConcurrentHashMap.newKeySet();
    private final SyncFeed feed;
    private final SyncWatermark watermark;
    private final StreamSessions sessions;
    private final int maxPerUser;
    private final int maxStreams;
    private final int senderThreads;
    private final long sendTimeoutNanos;
    private final ThreadPoolExecutor senders;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sync-push-timer");
        thread.setDaemon(true);
        return thread;
    });

    public SyncPush(SyncFeed feed, SyncWatermark watermark, StreamSessions sessions,
                    @Value("${music.sync.push.max-streams-per-user:5}") int maxPerUser,
                    @Value("${music.sync.push.max-streams:10000}") int maxStreams,
                    @Value("${music.sync.push.sender-threads:4}") int senderThreads,
                    @Value("${music.sync.push.send-timeout:10s}") Duration sendTimeout,
                    @Value("${music.sync.push.heartbeat:15s}") Duration heartbeat) {
        this.feed = feed;
        this.watermark = watermark;
        this.sessions = sessions;
        this.maxPerUser = maxPerUser;
        this.maxStreams = maxStreams;
        this.senderThreads = senderThreads;
        this.sendTimeoutNanos = sendTimeout.toNanos();
        AtomicInteger threadNumber = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(senderThreads, senderThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "sync-push-sender-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        watermark.keepTickingWhile(() -> !subscribers.isEmpty());
        watermark.onAdvance(new SyncWatermark.BoundListener() {
            @Override
            public void boundAdvanced(long from, long to) {
                SyncPush.this.boundAdvanced(from, to);
            }

            @Override
            public void holdReleased(String userId) {
                // changes below the global bound appeared for this user: no bound move would announce them
                if (subscribers.containsKey(userId)) {
                    push(userId, feed.latestToken(userId, watermark.lastBound(userId)));
                }
            }
        });
        sessions.onEnded(this::sessionEnded);
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::watchSenders, 1, 1, TimeUnit.SECONDS);
    }

    public record SyncEvent(long syncToken) {
    }

    /**
     * Opens a stream for one device of {@code userId}, signed in with session {@code sessionId}; its first
     * event carries the user's current token.
     *
     * @throws TooManyStreamsException when the user or this node holds as many streams as allowed
     */
    public SseEmitter subscribe(String userId, String sessionId) {
        Stream stream = new Stream(userId, sessionId, newEmitter());
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            throw new TooManyStreamsException("this server holds its maximum of " + maxStreams
                    + " push streams; retry later");
        }
        AtomicBoolean added = new AtomicBoolean();
        subscribers.compute(userId, (u, set) -> {
            Set<Stream> streams = set == null ? ConcurrentHashMap.newKeySet() : set;
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
        bySession.computeIfAbsent(sessionId, s -> ConcurrentHashMap.newKeySet()).add(stream);
        Runnable remove = () -> remove(stream);
        stream.emitter.onCompletion(remove);
        stream.emitter.onTimeout(remove);
        stream.emitter.onError(e -> remove.run());
        try {
            stream.post(feed.latestToken(userId, watermark.currentBound(userId)), false);
        } catch (RuntimeException e) {
            stream.end();
            throw e;
        }
        return stream.emitter;
    }

    /** The emitter of a new stream; it never times out (the session and the caps bound it). */
    SseEmitter newEmitter() {
        return new SseEmitter(0L);
    }

    /** How many streams are open on this node. */
    public int openStreams() {
        return open.get();
    }

    /** Ends every stream opened with the session {@code sessionId}. */
    void sessionEnded(String sessionId) {
        Set<Stream> streams = bySession.remove(sessionId);
        if (streams != null) {
            streams.forEach(Stream::end);
        }
    }

    private void remove(Stream stream) {
        if (!stream.removed.compareAndSet(false, true)) {
            return;
        }
        open.decrementAndGet();
        subscribers.computeIfPresent(stream.userId, (u, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
        bySession.computeIfPresent(stream.sessionId, (s, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    private void boundAdvanced(long from, long to) {
        if (subscribers.isEmpty()) {
            return;
        }
        feed.latestTokens(List.copyOf(subscribers.keySet()), from, to).forEach(this::push);
    }

    /** Queues {@code token} for every stream of {@code userId}; never waits for a client. */
    void push(String userId, long token) {
        subscribers.getOrDefault(userId, Set.of()).forEach(stream -> stream.post(token, false));
    }

    private void heartbeat() {
        try {
            subscribers.values().forEach(streams -> streams.forEach(stream -> stream.post(-1, true)));
            List<String> ids = new ArrayList<>(bySession.keySet());
            if (!ids.isEmpty()) {
                sessions.ended(ids).forEach(this::sessionEnded);
            }
        } catch (RuntimeException e) {
            log.warn("push heartbeat failed; retrying at the next one: {}", e.toString());
        }
    }

    /** Drops streams whose send hangs and lends the pool a thread for each send still hanging. */
    private void watchSenders() {
        long now = System.nanoTime();
        sending.forEach(stream -> {
            long since = stream.sendingSince.get();
            if (since > 0 && now - since > sendTimeoutNanos && stream.sendingSince.compareAndSet(since, STUCK)) {
                stuckSenders.incrementAndGet();
                remove(stream);
            }
        });
        resizeSenders();
    }

    private synchronized void resizeSenders() {
        int size = senderThreads + Math.min(stuckSenders.get(), maxStreams);
        if (size > senders.getMaximumPoolSize()) {
            senders.setMaximumPoolSize(size);
            senders.setCorePoolSize(size);
        } else if (size < senders.getCorePoolSize()) {
            senders.setCorePoolSize(size);
            senders.setMaximumPoolSize(size);
        }
    }

    private static final long STUCK = -1;

    /** One device's stream: a mailbox of what to send next, drained by one sender thread at a time. */
    private final class Stream {
        final String userId;
        final String sessionId;
        final SseEmitter emitter;
        final AtomicBoolean removed = new AtomicBoolean();
        /** When the current send began ({@link System#nanoTime()}), 0 when idle, {@link #STUCK} once dropped. */
        final AtomicLong sendingSince = new AtomicLong();
        private long pendingToken = -1;
        private boolean pendingHeartbeat;
        private boolean ending;
        private boolean scheduled;

        Stream(String userId, String sessionId, SseEmitter emitter) {
            this.userId = userId;
            this.sessionId = sessionId;
            this.emitter = emitter;
        }

        void post(long token, boolean heartbeat) {
            synchronized (this) {
                if (ending) {
                    return;
                }
                pendingToken = Math.max(pendingToken, token);
                pendingHeartbeat |= heartbeat;
                schedule();
            }
        }

        void end() {
            remove(this);
            synchronized (this) {
                ending = true;
                schedule();
            }
        }

        private void schedule() {
            if (!scheduled) {
                scheduled = true;
                try {
                    senders.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    scheduled = false;
                }
            }
        }

        private void drain() {
            while (true) {
                long token;
                boolean heartbeat;
                boolean end;
                synchronized (this) {
                    token = pendingToken;
                    heartbeat = pendingHeartbeat;
                    end = ending;
                    pendingToken = -1;
                    pendingHeartbeat = false;
                    if (token < 0 && !heartbeat && !end) {
                        scheduled = false;
                        return;
                    }
                }
                if (end || removed.get()) {
                    emitter.complete();
                    return; // stays scheduled: nothing more is sent on this stream
                }
                sendingSince.set(Math.max(1, System.nanoTime()));
                sending.add(this);
                try {
                    if (token >= 0) {
                        emitter.send(SseEmitter.event().name("sync").id(Long.toString(token))
                                .data(new SyncEvent(token), MediaType.APPLICATION_JSON));
                    } else {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                    }
                } catch (IOException | IllegalStateException e) {
                    remove(this);
                    return;
                } finally {
                    sending.remove(this);
                    if (sendingSince.getAndSet(0) == STUCK) {
                        stuckSenders.decrementAndGet();
                        end = true;
                    }
                }
                if (end) {
                    emitter.complete();
                    return;
                }
            }
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown would wait for them. */
    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        subscribers.values().forEach(streams -> streams.forEach(Stream::end));
        senders.shutdown();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
