package io.musicstream.infra.catalog.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The workers of one import and the order they keep. At most {@code concurrency} lines run at once. Artist
 * lines run in parallel; a release line waits until every artist line before it is done, so that the
 * artists it names exist, and lines of the same release run one after the other, in file order.
 *
 * <p>Only the reading thread calls it. While that thread waits for a worker, it calls {@link Waiting} about
 * every {@code tickNanos}, so that progress is still reported. Workers run with the reading thread's MDC.
 */
final class ImportPipeline implements AutoCloseable {

    /** What the reading thread does while it waits. */
    interface Waiting {
        void stillWaiting() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(ImportPipeline.class);

    private final int concurrency;
    private final long tickNanos;
    private final Waiting waiting;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final Map<String, CompletableFuture<Void>> releasesInFlight = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Void>> artistsInFlight = new ArrayList<>();
    private final Map<String, String> mdc = MDC.getCopyOfContextMap();

    ImportPipeline(int concurrency, String threadPrefix, long tickNanos, Waiting waiting) {
        this.concurrency = concurrency;
        this.tickNanos = tickNanos;
        this.waiting = waiting;
        this.slots = new Semaphore(concurrency);
        AtomicInteger thread = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, threadPrefix + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs an artist line, in parallel with the other artist lines. */
    void artist(Runnable task) throws IOException {
        if (artistsInFlight.size() > 4 * concurrency) {
            artistsInFlight.removeIf(CompletableFuture::isDone);
        }
        artistsInFlight.add(submit(task));
    }

    /**
     * Runs a line of release {@code releaseId} once the artist lines before it and the release's previous
     * line are done; {@code null} when the line names no release (it waits for the artist lines only).
     */
    void release(String releaseId, Runnable task) throws IOException {
        for (CompletableFuture<Void> artist : artistsInFlight) {
            await(artist);
        }
        artistsInFlight.clear();
        if (releaseId == null) {
            submit(task);
            return;
        }
        CompletableFuture<Void> previous = releasesInFlight.get(releaseId);
        if (previous != null) {
            await(previous);
        }
        CompletableFuture<Void> done = submit(task);
        releasesInFlight.put(releaseId, done);
        done.whenComplete((ok, e) -> releasesInFlight.remove(releaseId, done));
    }

    /** Runs a line that keeps no order (one of no known kind). */
    void unordered(Runnable task) throws IOException {
        submit(task);
    }

    /** Waits until every line handed over is done, calling {@link Waiting} meanwhile. */
    void awaitAll() throws IOException {
        awaitAll(true);
    }

    /** Waits until every line handed over is done, without calling {@link Waiting} (the client is gone). */
    void awaitAllQuietly() {
        try {
            awaitAll(false);
        } catch (IOException notReporting) {
            // nothing is written while waiting quietly
        }
    }

    /** Stops the workers once they are idle. */
    @Override
    public void close() {
        workers.shutdown();
    }

    /** Runs {@code task} on a worker once one of the {@code concurrency} slots is free. */
    private CompletableFuture<Void> submit(Runnable task) throws IOException {
        while (!acquire()) {
            waiting.stillWaiting();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                Map<String, String> previous = MDC.getCopyOfContextMap();
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("catalog import worker failed", e);
                } finally {
                    if (previous == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(previous);
                    }
                    slots.release();
                    done.complete(null);
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        return done;
    }

    private boolean acquire() {
        try {
            return slots.tryAcquire(tickNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    /** Waits for a line to be done. */
    private void await(CompletableFuture<Void> future) throws IOException {
        while (true) {
            try {
                future.get(tickNanos, TimeUnit.NANOSECONDS);
                return;
            } catch (TimeoutException stillRunning) {
                waiting.stillWaiting();
            } catch (ExecutionException e) {
                return; // failures are reported by the task itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            }
        }
    }

    private void awaitAll(boolean reporting) throws IOException {
        while (true) {
            try {
                if (slots.tryAcquire(concurrency, tickNanos, TimeUnit.NANOSECONDS)) {
                    slots.release(concurrency);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            }
            if (reporting) {
                waiting.stillWaiting();
            }
        }
    }
}
