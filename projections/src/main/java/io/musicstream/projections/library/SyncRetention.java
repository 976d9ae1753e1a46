package io.musicstream.projections.library;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long the sync feed keeps changes. Pruning deletes the changes up to a token and raises the horizon of
 * each user who lost some, in one transaction; a client asking from below its horizon gets a snapshot.
 * Libraries themselves ({@code library_item}) are never pruned.
 */
@Component
public class SyncRetention {

    private final JdbcClient jdbc;

    public SyncRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes every change with a token up to {@code throughToken}; returns how many. */
    @Transactional
    public int prune(long throughToken) {
        return jdbc.sql("""
                        with pruned as (delete from sync_change where token <= ? returning user_id, token)
                        insert into sync_horizon (user_id, token)
                        select user_id, max(token) from pruned group by user_id
                        on conflict (user_id) do update set token = greatest(sync_horizon.token, excluded.token)""")
                .param(throughToken)
                .update();
    }

    /**
     * The highest global index of an event stored before {@code cutoff} (0 if none), found by binary search:
     * events are stored in global-index order, give or take the moments between drawing and committing.
     */
    public long tokenBefore(Instant cutoff) {
        long low = 0;
        long high = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            String stored = jdbc.sql("""
                            select time_stamp from domain_event_entry where global_index >= ?
                            order by global_index limit 1""")
                    .param(middle).query(String.class).optional().orElse(null);
            if (stored != null && Instant.parse(stored).isBefore(cutoff)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
