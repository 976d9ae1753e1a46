package io.musicstream.query.sync;

import io.musicstream.projections.library.SyncFeed;
import io.musicstream.projections.library.SyncWatermark;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events that tell every connected device of a user its new {@code syncToken} as soon as the
 * sync feed can serve the user's change (the {@link SyncWatermark} bound passes it), so devices pull the
 * delta at once. One query per bound move finds which connected users changed (a user held by a dead letter
 * has no changes past it until it is resolved, which pushes again). A comment line every
 * heartbeat (15 s) keeps proxies from closing idle streams.
 *
 * <p>Nothing here writes to a client on the bound's thread: each {@link PushStream} has a mailbox that a
 * small pool of {@link PushSenders} drains; a send that does not return within
 * {@code music.sync.push.send-timeout} drops its stream and lends the pool a spare thread.
 *
 * <p>A stream ends with its sign-in session (logout, revocation, expiry: checked at each heartbeat and told
 * at once by {@link StreamSessions}). Streams are capped per user and per node ({@link StreamRegistry}); a
 * stream over a cap is refused with {@link TooManyStreamsException}, the ones already open stay.
 */
@Component
class SyncPush implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncPush.class);

    private final SyncFeed feed;
    private final SyncWatermark watermark;
    private final StreamSessions sessions;
    private final StreamRegistry streams;
    private final PushSenders senders;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sync-push-timer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    SyncPush(SyncFeed feed, SyncWatermark watermark, StreamSessions sessions,
                    @Value("${music.sync.push.max-streams-per-user:5}") int maxPerUser,
                    @Value("${music.sync.push.max-streams:10000}") int maxStreams,
                    @Value("${music.sync.push.sender-threads:4}") int senderThreads,
                    @Value("${music.sync.push.send-timeout:10s}") Duration sendTimeout,
                    @Value("${music.sync.push.heartbeat:15s}") Duration heartbeat) {
        this.feed = feed;
        this.watermark = watermark;
        this.sessions = sessions;
        this.streams = new StreamRegistry(maxPerUser, maxStreams);
        this.senders = new PushSenders(senderThreads, maxStreams, sendTimeout.toNanos());
        watermark.keepTickingWhile(() -> !streams.isEmpty());
        watermark.onAdvance(new SyncWatermark.BoundListener() {
            @Override
            public void boundAdvanced(long from, long to) {
                SyncPush.this.boundAdvanced(from, to);
            }

            @Override
            public void holdReleased(String userId) {
                // changes below the global bound appeared for this user: no bound move would announce them
                if (streams.hasUser(userId)) {
                    push(userId, feed.latestToken(userId, watermark.lastBound(userId)));
                }
            }
        });
        sessions.onEnded(this::sessionEnded);
        timer.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> senders.dropStuck(streams::remove), 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Opens a stream for one device of {@code userId}, signed in with session {@code sessionId}; its first
     * event carries the user's current token.
     *
     * @throws TooManyStreamsException when the user or this node holds as many streams as allowed
     */
    public SseEmitter subscribe(String userId, String sessionId) {
        PushStream stream = new PushStream(userId, sessionId, newEmitter(), senders, streams::remove);
        streams.add(stream);
        SseEmitter emitter = stream.emitter();
        Runnable remove = () -> streams.remove(stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            stream.post(feed.latestToken(userId, watermark.currentBound(userId)));
        } catch (RuntimeException e) {
            stream.end();
            throw e;
        }
        return emitter;
    }

    /** The emitter of a new stream; it never times out (the session and the caps bound it). */
    SseEmitter newEmitter() {
        return new SseEmitter(0L);
    }

    /** How many streams are open on this node. */
    public int openStreams() {
        return streams.open();
    }

    /** Ends every stream opened with the session {@code sessionId}. */
    void sessionEnded(String sessionId) {
        streams.removeSession(sessionId).forEach(PushStream::end);
    }

    private void boundAdvanced(long from, long to) {
        if (streams.isEmpty()) {
            return;
        }
        feed.latestTokens(streams.users(), from, to).forEach(this::push);
    }

    /** Queues {@code token} for every stream of {@code userId}; never waits for a client. */
    void push(String userId, long token) {
        streams.ofUser(userId).forEach(stream -> stream.post(token));
    }

    private void heartbeat() {
        try {
            streams.forEach(PushStream::keepAlive);
            List<String> ids = streams.sessions();
            if (!ids.isEmpty()) {
                sessions.ended(ids).forEach(this::sessionEnded);
            }
        } catch (RuntimeException e) {
            log.warn("push heartbeat failed; retrying at the next one: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown would wait for them. */
    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        streams.forEach(PushStream::end);
        senders.shutdown();
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
