package io.musicstream.projections.library;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The highest global index at or below which every number is final: committed or rolled back for good.
 *
 * <p>Each call reads the sequence's last value N and then the transaction ids of every backend
 * ({@code pg_stat_activity.backend_xid}). Every transaction holding a number up to N took its transaction id
 * before its number (the event table's trigger), so it had finished or was among those. Once none of them
 * is running any more, N is final. No timeout is involved: a slow transaction holds the index back, it is
 * never skipped. ({@code pg_current_snapshot()} would not do: its in-progress list leaves out transactions
 * whose ids are above the latest completed one.)
 *
 * <p>Not thread-safe: one ticking thread calls {@link #advance()}.
 */
final class FinalIndex {

    private static final int MAX_PENDING = 10_000;

    private final JdbcClient jdbc;
    private final Deque<Candidate> pending = new ArrayDeque<>();
    private long finalIndex;

    /** A sequence value and the transactions running just after it was read. */
    private record Candidate(long index, Set<Long> inProgress) {
    }

    FinalIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Probes the database and returns the final index, which never goes down. */
    long advance() {
        long issued = lastIssued();
        return observe(issued, runningTransactions());
    }

    /**
     * Takes the sequence's last value {@code issued} and the transactions running just after it was read; the
     * index is final once none of those is still running in a later observation.
     */
    long observe(long issued, Set<Long> inProgress) {
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
        return finalIndex;
    }

    /** The sequence's last handed-out value: tokens above it were never issued. */
    long lastIssued() {
        return jdbc.sql("select case when is_called then last_value else last_value - 1 end "
                        + "from domain_event_entry_global_index_seq")
                .query(Long.class).single();
    }

    private Set<Long> runningTransactions() {
        return new HashSet<>(jdbc.sql(
                        "select backend_xid::text::bigint from pg_stat_activity where backend_xid is not null")
                .query(Long.class).list());
    }
}
