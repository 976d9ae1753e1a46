package io.musicstream.query.sync;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events that tell every connected device of a user its new {@code syncToken} as soon as the
 * sync feed can serve the user's change (the {@link SyncWatermark} bound passes it), so devices pull the
 * delta at once. One query per bound move finds which connected users changed (a user held by a dead letter
 * has no changes past it until it is resolved, which pushes again). A comment line every
 * 15 s keeps proxies from closing idle streams.
 */
@Component
public class SyncPush implements SmartLifecycle {

    private static final long HEARTBEAT_SECONDS = 15;

    private final Map<String, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final SyncFeed feed;
    private final SyncWatermark watermark;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sync-push-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public SyncPush(JdbcClient jdbc, SyncFeed feed, SyncWatermark watermark) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.watermark = watermark;
        watermark.keepTickingWhile(() -> !subscribers.isEmpty());
        watermark.onAdvance(new SyncWatermark.BoundListener() {
            @Override
            public void boundAdvanced(long from, long to) {
                SyncPush.this.boundAdvanced(from, to);
            }

            @Override
            public void holdReleased(String userId) {
                subscribers.getOrDefault(userId, Set.of()).forEach(emitter ->
                        send(userId, emitter, feed.latestToken(userId, watermark.lastBound(userId))));
            }
        });
        heartbeat.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    public record SyncEvent(long syncToken) {
    }

    /** Opens a stream for one device; its first event carries the user's current token. */
    public SseEmitter subscribe(String userId) {
        SseEmitter emitter = new SseEmitter(0L);
        subscribers.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> unsubscribe(userId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(userId, emitter, feed.latestToken(userId, watermark.currentBound(userId)));
        return emitter;
    }

    private void unsubscribe(String userId, SseEmitter emitter) {
        subscribers.computeIfPresent(userId, (u, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    private void boundAdvanced(long from, long to) {
        if (subscribers.isEmpty()) {
            return;
        }
        String[] users = subscribers.keySet().toArray(String[]::new);
        jdbc.sql("""
                        select user_id, max(token) from sync_change
                        where user_id = any(?) and token > ? and token <= ? group by user_id""")
                .params(users, from, to)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(changed -> subscribers.getOrDefault(changed.getKey(), Set.of())
                        .forEach(emitter -> send(changed.getKey(), emitter, changed.getValue())));
    }

    private void send(String userId, SseEmitter emitter, long token) {
        try {
            emitter.send(SseEmitter.event().name("sync").id(Long.toString(token))
                    .data(new SyncEvent(token), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            unsubscribe(userId, emitter);
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
        heartbeat.shutdownNow();
        subscribers.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void heartbeat() {
        subscribers.forEach((userId, emitters) -> emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                unsubscribe(userId, emitter);
            }
        }));
    }
}
