package io.musicstream.query.sync;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One device's push stream: a mailbox of one pending token (a newer one replaces it, so a slow reader never
 * builds a backlog) and a pending keep-alive, drained by one sender thread at a time.
 */
final class PushStream {

    private final String userId;
    private final String sessionId;
    private final SseEmitter emitter;
    private final PushSenders senders;
    private final Consumer<PushStream> remove;
    private final AtomicBoolean removed = new AtomicBoolean();
    private long pendingToken = -1;
    private boolean pendingKeepAlive;
    private boolean ending;
    private boolean scheduled;

    /** {@code remove} takes the stream out of its registry (when it ends or a send fails). */
    PushStream(String userId, String sessionId, SseEmitter emitter, PushSenders senders,
               Consumer<PushStream> remove) {
        this.userId = userId;
        this.sessionId = sessionId;
        this.emitter = emitter;
        this.senders = senders;
        this.remove = remove;
    }

    String userId() {
        return userId;
    }

    String sessionId() {
        return sessionId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Marks the stream removed from its registry; true the first time only. */
    boolean markRemoved() {
        return removed.compareAndSet(false, true);
    }

    /** Queues {@code token} (the newest pending one is sent); never waits for the client. */
    void post(long token) {
        post(token, false);
    }

    /** Queues a keep-alive comment, sent unless a token goes out instead. */
    void keepAlive() {
        post(-1, true);
    }

    /** Takes the stream out and completes it once its current send is over. */
    void end() {
        remove.accept(this);
        synchronized (this) {
            ending = true;
            schedule();
        }
    }

    private void post(long token, boolean keepAlive) {
        synchronized (this) {
            if (ending) {
                return;
            }
            pendingToken = Math.max(pendingToken, token);
            pendingKeepAlive |= keepAlive;
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
            boolean keepAlive;
            boolean end;
            synchronized (this) {
                token = pendingToken;
                keepAlive = pendingKeepAlive;
                end = ending;
                pendingToken = -1;
                pendingKeepAlive = false;
                if (token < 0 && !keepAlive && !end) {
                    scheduled = false;
                    return;
                }
            }
            if (end || removed.get()) {
                emitter.complete();
                return; // stays scheduled: nothing more is sent on this stream
            }
            senders.sendBegins(this);
            try {
                emitter.send(token >= 0 ? syncEvent(token) : SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                remove.accept(this);
                return;
            } finally {
                if (senders.sendEnded(this)) {
                    end = true;
                }
            }
            if (end) {
                emitter.complete();
                return;
            }
        }
    }

    private static SseEmitter.SseEventBuilder syncEvent(long token) {
        return SseEmitter.event().name("sync").id(Long.toString(token))
                .data(new SyncEvent(token), MediaType.APPLICATION_JSON);
    }
}
