package io.musicstream.projections.library;

import io.musicstream.projections.processors.ProcessorTokens;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sync feed's bound: the highest global index B such that every event at or below B is final (committed
 * or rolled back for good, see {@link FinalIndex}) and handled by the {@code library-sync} projection (see
 * {@link HandledIndex}). The feed never serves past B, so a client that keeps following its
 * {@code syncToken} sees every change exactly once, even though global indexes are drawn before commit and
 * transactions commit out of order.
 *
 * <p>Held: a user whose {@code library-sync} events are dead-lettered has their own bound, just below the first
 * of them, until it is resolved (see {@link DeadLetterHolds}). Each tick reads the processor's token first and
 * the dead letters after it: an event the token has passed is then either handled or among the dead letters
 * read.
 *
 * <p>Ticks run every {@code music.sync.watermark-interval} while anyone reads the feed or listens for pushes,
 * and stop after a minute without readers (see {@link TickLoop}).
 */
@Component
public class SyncWatermark implements SmartLifecycle {

    private final FinalIndex finalIndex;
    private final HandledIndex handled;
    private final DeadLetterHolds deadLetters;
    private final BoundListeners listeners = new BoundListeners();
    private final TickLoop loop;
    private final Object monitor = new Object();
    private volatile long bound;
    /** Per held user, the global index of their first dead-lettered event; written before {@link #bound}. */
    private volatile Map<String, Long> holds = Map.of();
    private volatile long ticks;

    /** Told each time the bound moves up, and when a user's hold is lifted. */
    public interface BoundListener {
        void boundAdvanced(long from, long to);

        default void holdReleased(String userId) {
        }
    }

    public SyncWatermark(JdbcClient jdbc, ProcessorTokens tokens,
                         @Value("${music.sync.watermark-interval:20ms}") Duration interval) {
        this.finalIndex = new FinalIndex(jdbc);
        this.handled = new HandledIndex(jdbc, tokens);
        this.deadLetters = new DeadLetterHolds(jdbc);
        this.loop = new TickLoop(this::tick, interval, monitor);
    }

    /** A bound computed after this call, waiting for one tick (about the interval) when ticks were idle. */
    public long currentBound() {
        boolean idle = demand();
        if (idle) {
            awaitTicks(2, Duration.ofSeconds(1));
        }
        return bound;
    }

    /** As {@link #currentBound()}, but held just below the user's first dead-lettered change, if any. */
    public long currentBound(String userId) {
        return heldBound(userId, currentBound());
    }

    /** As {@link #lastBound()}, for one user. */
    public long lastBound(String userId) {
        return heldBound(userId, bound);
    }

    /** The bound, read before the holds: holds are published first, so they are at least as new as it. */
    private long heldBound(String userId, long bound) {
        Long firstDead = holds.get(userId);
        return firstDead == null ? bound : Math.min(bound, firstDead - 1);
    }

    /** Users whose feed is held, with the global index of their first dead-lettered change. */
    public Map<String, Long> holds() {
        return holds;
    }

    /** Waits until the bound reaches {@code token}; false when {@code timeout} passes first. */
    public boolean awaitBound(long token, Duration timeout) {
        demand();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (bound < token) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitOn(left);
            }
        }
        return true;
    }

    /** The bound as last computed, without asking for ticks (for health and metrics). */
    public long lastBound() {
        return bound;
    }

    /**
     * Time since the bound was last computed or, while nobody reads, since the idle loop last went round: more
     * than a few seconds means ticks are failing (say, the database is unreachable) or the thread is gone.
     */
    public Duration sinceLastBeat() {
        return loop.sinceLastBeat();
    }

    /** While the supplier says true (say, push subscribers are connected) ticks keep running. */
    public void keepTickingWhile(BooleanSupplier present) {
        loop.keepTickingWhile(present);
    }

    public void onAdvance(BoundListener listener) {
        listeners.add(listener);
    }

    /** Refuses a token above the last global index issued: nobody was ever given it. */
    public void requireIssued(String name, long token) {
        long issued = lastIssued();
        if (token > issued) {
            throw UnknownSyncTokenException.neverIssued(name, token, issued);
        }
    }

    /** The sequence's last handed-out value: tokens above it were never issued. */
    public long lastIssued() {
        return finalIndex.lastIssued();
    }

    /** Asks for ticks; true when the bound may be old (ticks were idle, or none has succeeded yet). */
    private boolean demand() {
        boolean lapsed = loop.demand();
        return lapsed || ticks == 0;
    }

    private void awaitTicks(int count, Duration timeout) {
        long target = ticks + count;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (ticks < target && loop.isRunning()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                waitOn(left);
            }
        }
    }

    private void waitOn(long nanos) {
        try {
            monitor.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sync bound", e);
        }
    }

    /** One computation of the bound: the token is read before the dead letters (see the class comment). */
    void tick() {
        long upToFinal = finalIndex.advance();
        long upToHandled = handled.upTo(upToFinal);
        Map<String, Long> newHolds = deadLetters.read();
        publish(Math.min(upToFinal, upToHandled), newHolds);
    }

    private void publish(long newBound, Map<String, Long> newHolds) {
        long old = bound;
        Map<String, Long> oldHolds = holds;
        synchronized (monitor) {
            holds = newHolds;
            bound = newBound;
            ticks++;
            monitor.notifyAll();
        }
        listeners.boundMoved(old, newBound);
        listeners.holdsChanged(oldHolds, newHolds);
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
