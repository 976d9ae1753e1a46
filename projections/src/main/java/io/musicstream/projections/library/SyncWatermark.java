package io.musicstream.projections.library;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sync feed's bound: the highest global index B such that every event at or below B is final (committed
 * or rolled back for good) and handled by the {@code library-sync} projection. The feed never serves past B,
 * so a client that keeps following its {@code syncToken} sees every change exactly once, even though global
 * indexes are drawn before commit and transactions commit out of order.
 *
 * <p>Final: each tick reads the sequence's last value N and then the transaction ids of every backend
 * ({@code pg_stat_activity.backend_xid}). Every transaction holding a number up to N took its transaction id
 * before its number (the event table's trigger), so it had finished or was among those. Once none of them
 * is running any more, N is final. No timeout is involved: a slow transaction holds the bound back, it is
 * never skipped. ({@code pg_current_snapshot()} would not do: its in-progress list leaves out transactions
 * whose ids are above the latest completed one.)
 *
 * <p>Handled: the projection's token says which indexes it passed (index and gaps). A gap at or below the
 * final bound that is not visible is a rolled-back number; a visible one is waiting to be handled and caps B.
 *
 * <p>Held: a user whose {@code library-sync} events are dead-lettered has their own bound, just below the first
 * of them, until it is resolved; the changes then appear with their original tokens, so the user's feed must
 * never have passed them. Each tick reads the processor's token first and the dead letters after it: an
 * event the token has passed is then either handled or among the dead letters read.
 *
 * <p>Ticks run every {@code music.sync.watermark-interval} while anyone reads the feed or listens for pushes,
 * and stop after a minute without readers.
 */
@Component
public class SyncWatermark implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncWatermark.class);
    private static final long IDLE_AFTER_NANOS = Duration.ofMinutes(1).toNanos();
    private static final int MAX_PENDING = 10_000;

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final long intervalMillis;
    private final Object monitor = new Object();
    private final List<BooleanSupplier> listenersPresent = new CopyOnWriteArrayList<>();
    private final List<BoundListener> boundListeners = new CopyOnWriteArrayList<>();
    private final Deque<Candidate> pending = new ArrayDeque<>();
    private long finalIndex;
    private volatile long bound;
    /** Per held user, the global index of their first dead-lettered event; written before {@link #bound}. */
    private volatile Map<String, Long> holds = Map.of();
    private volatile long ticks;
    private volatile long lastDemand = System.nanoTime();
    /** When the loop last went round without failing: a tick that succeeded, or an idle wait. */
    private volatile long lastBeat = System.nanoTime();
    private volatile boolean running;
    private Thread thread;

    /** A sequence value and the transactions running just after it was read. */
    private record Candidate(long index, Set<Long> inProgress) {
    }

    /** Told each time the bound moves up, and when a user's hold is lifted. */
    public interface BoundListener {
        void boundAdvanced(long from, long to);

        default void holdReleased(String userId) {
        }
    }

    public SyncWatermark(JdbcClient jdbc, Serializer serializer,
                         @Value("${music.sync.watermark-interval:20ms}") Duration interval) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.intervalMillis = Math.max(1, interval.toMillis());
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
        return running ? Duration.ofNanos(System.nanoTime() - lastBeat) : Duration.ZERO;
    }

    /** While the supplier says true (say, push subscribers are connected) ticks keep running. */
    public void keepTickingWhile(BooleanSupplier present) {
        listenersPresent.add(present);
    }

    public void onAdvance(BoundListener listener) {
        boundListeners.add(listener);
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
        return jdbc.sql("select case when is_called then last_value else last_value - 1 end "
                        + "from domain_event_entry_global_index_seq")
                .query(Long.class).single();
    }

    private boolean demand() {
        long now = System.nanoTime();
        boolean idle = now - lastDemand > IDLE_AFTER_NANOS || ticks == 0;
        lastDemand = now;
        if (idle) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
        return idle;
    }

    private void awaitTicks(int count, Duration timeout) {
        long target = ticks + count;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (ticks < target && running) {
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

    private void run() {
        while (running) {
            boolean active = System.nanoTime() - lastDemand < IDLE_AFTER_NANOS
                    || listenersPresent.stream().anyMatch(BooleanSupplier::getAsBoolean);
            if (!active) {
                lastBeat = System.nanoTime();
            } else {
                try {
                    tick();
                    lastBeat = System.nanoTime();
                } catch (RuntimeException | Error e) {
                    // the thread must outlive any failure, or the bound stops and the feed goes stale
                    log.error("sync watermark tick failed; retrying in a second", e);
                    sleep(1_000);
                }
            }
            synchronized (monitor) {
                if (running) {
                    try {
                        monitor.wait(active ? intervalMillis : 1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    void tick() {
        long issued = lastIssued();
        Set<Long> inProgress = new HashSet<>(jdbc.sql(
                        "select backend_xid::text::bigint from pg_stat_activity where backend_xid is not null")
                .query(Long.class).list());
        while (!pending.isEmpty() && Collections.disjoint(pending.peekFirst().inProgress(), inProgress)) {
            finalIndex = Math.max(finalIndex, pending.pollFirst().index());
        }
        if (inProgress.isEmpty()) {
            pending.clear();
            finalIndex = Math.max(finalIndex, issued);
        } else {
            if (pending.size() == MAX_PENDING) {
                pending.pollFirst();
            }
            pending.addLast(new Candidate(issued, inProgress));
        }
        long handled = handledUpTo(finalIndex);
        publish(Math.min(finalIndex, handled), deadLetteredUsers());
    }

    /** Per user, the lowest global index among their {@code library-sync} dead letters. */
    private Map<String, Long> deadLetteredUsers() {
        Map<String, Long> held = new HashMap<>();
        jdbc.sql("""
                        select substr(d.sequence_identifier, ?), min(e.global_index)
                        from dead_letter_entry d join domain_event_entry e on e.event_identifier = d.event_identifier
                        where d.processing_group = ? and starts_with(d.sequence_identifier, ?)
                        group by d.sequence_identifier""")
                .params(LibrarySyncProjection.SEQUENCE_PREFIX.length() + 1, LibrarySyncProjection.PROCESSING_GROUP,
                        LibrarySyncProjection.SEQUENCE_PREFIX)
                .query(rs -> {
                    held.put(rs.getString(1), rs.getLong(2));
                });
        return held.isEmpty() ? Map.of() : Map.copyOf(held);
    }

    /** The highest index below which the projection has handled every committed event. */
    private long handledUpTo(long finalIndex) {
        List<TrackingToken> tokens = jdbc.sql("select token_type, token from token_entry where processor_name = ?")
                .param(LibrarySyncProjection.PROCESSING_GROUP)
                .query((rs, i) -> rs.getBytes(2) == null ? null : (TrackingToken) serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(2), byte[].class, rs.getString(1), null)))
                .list();
        if (tokens.isEmpty()) {
            return 0;
        }
        long handled = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            handled = Math.min(handled, handledUpTo(WrappedToken.unwrapLowerBound(token), finalIndex));
        }
        return handled;
    }

    private long handledUpTo(TrackingToken token, long finalIndex) {
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return 0;
        }
        long handled = gapAware.getIndex();
        String finalGaps = gapAware.getGaps().stream().filter(g -> g <= finalIndex).map(String::valueOf)
                .collect(Collectors.joining(",", "{", "}"));
        for (Long gap : gapAware.getGaps()) {
            if (gap > finalIndex) {
                handled = Math.min(handled, gap - 1);
                break;
            }
        }
        if (finalGaps.length() > 2) {
            List<Long> committed = jdbc.sql("""
                            select global_index from domain_event_entry where global_index = any(cast(? as bigint[]))""")
                    .param(finalGaps).query(Long.class).list();
            for (Long gap : committed) {
                handled = Math.min(handled, gap - 1);
            }
        }
        return handled;
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
        if (newBound > old) {
            for (BoundListener listener : boundListeners) {
                try {
                    listener.boundAdvanced(old, newBound);
                } catch (RuntimeException e) {
                    log.warn("sync bound listener failed: {}", e.toString());
                }
            }
        }
        for (String released : oldHolds.keySet()) {
            if (!newHolds.containsKey(released)) {
                for (BoundListener listener : boundListeners) {
                    try {
                        listener.holdReleased(released);
                    } catch (RuntimeException e) {
                        log.warn("sync hold listener failed: {}", e.toString());
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

    @Override
    public void start() {
        lastBeat = System.nanoTime();
        running = true;
        thread = new Thread(this::run, "sync-watermark");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
