package io.musicstream.projections.library;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that runs the watermark's tick every interval while anyone asked for the bound within the last
 * minute or a listener is present, and otherwise idles. It outlives any failure of a tick: it logs it and
 * tries again a second later.
 */
final class TickLoop {

    private static final Logger log = LoggerFactory.getLogger(SyncWatermark.class);
    private static final long IDLE_AFTER_NANOS = Duration.ofMinutes(1).toNanos();

    private final Runnable tick;
    private final long intervalMillis;
    /** Waited on between ticks; notified on demand after idling and on stop (the watermark's waiters too). */
    private final Object wake;
    private final List<BooleanSupplier> listenersPresent = new CopyOnWriteArrayList<>();
    private volatile long lastDemand = System.nanoTime();
    /** When the loop last went round without failing: a tick that succeeded, or an idle wait. */
    private volatile long lastBeat = System.nanoTime();
    private volatile boolean running;
    private Thread thread;

    TickLoop(Runnable tick, Duration interval, Object wake) {
        this.tick = tick;
        this.wake = wake;
        this.intervalMillis = Math.max(1, interval.toMillis());
    }

    /** Asks for ticks for the next minute; true when nobody had asked for a minute, waking the loop. */
    boolean demand() {
        long now = System.nanoTime();
        boolean lapsed = now - lastDemand > IDLE_AFTER_NANOS;
        lastDemand = now;
        if (lapsed) {
            synchronized (wake) {
                wake.notifyAll();
            }
        }
        return lapsed;
    }

    /** While the supplier says true ticks keep running. */
    void keepTickingWhile(BooleanSupplier present) {
        listenersPresent.add(present);
    }

    /** Time since the loop last went round without failing; zero while stopped. */
    Duration sinceLastBeat() {
        return running ? Duration.ofNanos(System.nanoTime() - lastBeat) : Duration.ZERO;
    }

    boolean isRunning() {
        return running;
    }

    void start() {
        lastBeat = System.nanoTime();
        running = true;
        thread = new Thread(this::run, "sync-watermark");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            boolean active = System.nanoTime() - lastDemand < IDLE_AFTER_NANOS
                    || listenersPresent.stream().anyMatch(BooleanSupplier::getAsBoolean);
            if (!active) {
                lastBeat = System.nanoTime();
            } else {
                try {
                    tick.run();
                    lastBeat = System.nanoTime();
                } catch (RuntimeException | Error e) {
                    // the thread must outlive any failure, or the bound stops and the feed goes stale
                    log.error("sync watermark tick failed; retrying in a second", e);
                    sleep(1_000);
                }
            }
            synchronized (wake) {
                if (running) {
                    try {
                        wake.wait(active ? intervalMillis : 1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
