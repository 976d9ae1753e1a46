package io.musicstream.query.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads that write to push streams. A send that does not return within {@code sendTimeout} is
 * dropped by {@link #dropStuck} and the pool gets a spare thread until that send fails, so other streams
 * keep moving; at most {@code maxSpare} spares.
 */
final class PushSenders {

    /** The mark of a send that was dropped as stuck. */
    private static final long STUCK = -1;

    private final int threads;
    private final int maxSpare;
    private final long sendTimeoutNanos;
    private final ThreadPoolExecutor pool;
    /** When each running send began ({@link System#nanoTime()}, at least 1), or {@link #STUCK}. */
    private final Map<PushStream, Long> sendingSince = new ConcurrentHashMap<>();
    private final AtomicInteger stuck = new AtomicInteger();

    PushSenders(int threads, int maxSpare, long sendTimeoutNanos) {
        this.threads = threads;
        this.maxSpare = maxSpare;
        this.sendTimeoutNanos = sendTimeoutNanos;
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "sync-push-sender-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @throws java.util.concurrent.RejectedExecutionException once shut down */
    void execute(Runnable task) {
        pool.execute(task);
    }

    void sendBegins(PushStream stream) {
        sendingSince.put(stream, Math.max(1, System.nanoTime()));
    }

    /** Whether the send was dropped as stuck meanwhile (its stream must end). */
    boolean sendEnded(PushStream stream) {
        Long since = sendingSince.remove(stream);
        if (since != null && since == STUCK) {
            stuck.decrementAndGet();
            return true;
        }
        return false;
    }

    /** Hands {@code drop} every stream whose send hangs past the timeout, and lends a thread for each. */
    void dropStuck(Consumer<PushStream> drop) {
        long now = System.nanoTime();
        sendingSince.forEach((stream, since) -> {
            if (since > 0 && now - since > sendTimeoutNanos && sendingSince.replace(stream, since, STUCK)) {
                stuck.incrementAndGet();
                drop.accept(stream);
            }
        });
        resize();
    }

    /** How many threads the pool may run now. */
    int size() {
        return pool.getMaximumPoolSize();
    }

    /** Lets queued sends finish for a moment, then stops. */
    void shutdown() {
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    private synchronized void resize() {
        int size = threads + Math.min(stuck.get(), maxSpare);
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else if (size < pool.getCorePoolSize()) {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }
}
