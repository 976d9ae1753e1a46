package io.musicstream.projections.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A user's changes after a sync token, up to the {@link SyncWatermark} bound, oldest first. A token of 0, or
 * one below the user's horizon (changes there were pruned), starts a snapshot of the whole library instead:
 * its pages list every item as {@code added}, and the feed then continues from the snapshot's base token.
 * A user whose changes are dead-lettered is served only below the first of them (see {@link SyncWatermark}).
 */
@Service
public class SyncFeed {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1_000;

    /** The horizon, then the changes' token, kind, item_type, item_id, time and client_change_id, if any. */
    private static final String CHANGES = """
            with horizon as (select coalesce(max(token), 0) as token from sync_horizon where user_id = ?)
            select horizon.token as horizon, c.* from horizon left join lateral (
                select token, kind, item_type, item_id, %s, client_change_id from sync_change
                where user_id = ? and token > ? and token <= ? order by token limit ?) c on true
            order by c.token""".formatted(micros("changed_at"));
    /** Library items as changes, columns as in {@link #CHANGES}. */
    private static final String SNAPSHOT = """
            select token, 'added' as kind, item_type, item_id, %s, null as client_change_id
            from library_item where user_id = ? and token > ? and token <= ? order by token limit ?"""
            .formatted(micros("saved_at"));

    private final JdbcClient jdbc;
    private final SyncWatermark watermark;
    private final ReadYourWrites readYourWrites;

    public SyncFeed(JdbcClient jdbc, SyncWatermark watermark, ReadYourWrites readYourWrites) {
        this.jdbc = jdbc;
        this.watermark = watermark;
        this.readYourWrites = readYourWrites;
    }

    /**
     * One change, its text as the UTF-8 bytes PostgreSQL sent, so that the page's JSON writer can copy them
     * without decoding.
     *
     * @param token          the change's sync token (for snapshot entries, the token of the item's save)
     * @param kind           {@code added} or {@code removed} (a tombstone)
     * @param atMicros       when the change counts as made, in microseconds since the epoch
     * @param clientChangeId the offline change it came from, so the device that made it can recognise it; null
     *                       for none
     */
    public record Change(long token, byte[] kind, byte[] itemType, byte[] itemId, long atMicros,
                         byte[] clientChangeId) {
    }

    /**
     * @param reset          drop what you hold first: this is the first page of a snapshot
     * @param syncToken      where to continue once {@code hasMore} is false
     * @param snapshotAfter  while a snapshot has more pages: pass it back with {@code since=syncToken}
     */
    public record Page(boolean reset, List<Change> changes, long syncToken, boolean hasMore, Long snapshotAfter) {
    }

    public Page page(String userId, long since, Long snapshotAfter, int limit) {
        if (snapshotAfter != null) {
            if (snapshotAfter > since) {
                throw new UnknownSyncTokenException("snapshotAfter " + snapshotAfter + " lies beyond the snapshot's base "
                        + since + ": pass back the page's syncToken as since and its snapshotAfter");
            }
            // the base is a bound that this node, or another one ahead of it, gave: serve it once this one is there
            readYourWrites.await(userId, "sync token", since);
            return snapshotPage(userId, since, snapshotAfter, limit, false);
        }
        long bound = watermark.currentBound(userId);
        if (since == 0) {
            return snapshotPage(userId, bound, 0, limit, true);
        }
        if (since >= bound) {
            if (since > bound) {
                watermark.requireIssued("sync token", since);
            }
            return new Page(false, List.of(), since, false, null);
        }
        // one statement, so the horizon and the changes are read in one snapshot (pruning moves both)
        long[] horizon = {0};
        List<Change> changes = new ArrayList<>(limit + 1);
        jdbc.sql(CHANGES)
                .params(userId, userId, since, bound, limit + 1)
                .query(rs -> {
                    horizon[0] = rs.getLong(1);
                    long token = rs.getLong(2);
                    if (!rs.wasNull()) {
                        changes.add(change(rs, token, 3));
                    }
                });
        if (since < horizon[0]) {
            return snapshotPage(userId, bound, 0, limit, true);
        }
        if (changes.size() > limit) {
            List<Change> page = changes.subList(0, limit);
            return new Page(false, page, page.get(limit - 1).token(), true, null);
        }
        return new Page(false, changes, bound, false, null);
    }

    /** Items saved at or below {@code base}, after {@code after}, in token order, as {@code added} changes. */
    private Page snapshotPage(String userId, long base, long after, int limit, boolean first) {
        List<Change> items = new ArrayList<>(limit + 1);
        jdbc.sql(SNAPSHOT)
                .params(userId, after, base, limit + 1)
                .query(rs -> {
                    items.add(change(rs, rs.getLong(1), 2));
                });
        boolean hasMore = items.size() > limit;
        if (hasMore) {
            List<Change> page = items.subList(0, limit);
            return new Page(first, page, base, true, page.get(limit - 1).token());
        }
        return new Page(first, items, base, false, null);
    }

    /**
     * From kind, item_type, item_id, the time in microseconds and client_change_id at {@code kind} and on (by
     * index: cheaper than by name). Text columns arrive as UTF-8 and {@code getBytes} hands over the driver's
     * array as it is.
     */
    private static Change change(ResultSet rs, long token, int kind) throws SQLException {
        return new Change(token, rs.getBytes(kind), rs.getBytes(kind + 1), rs.getBytes(kind + 2),
                rs.getLong(kind + 3), rs.getBytes(kind + 4));
    }

    /** A timestamp column as whole microseconds since the epoch (exact: PostgreSQL keeps microseconds). */
    private static String micros(String column) {
        return "(extract(epoch from " + column + ") * 1000000)::int8 as " + column + "_micros";
    }

    /** The user's latest change at or below the bound, or the bound when there is none. */
    public long latestToken(String userId, long bound) {
        return jdbc.sql("select coalesce(max(token), ?) from sync_change where user_id = ? and token <= ?")
                .params(bound, userId, bound).query(Long.class).single();
    }

    /** Of {@code userIds}, those with changes in {@code (after, upTo]}, each with the latest such token. */
    public Map<String, Long> latestTokens(Collection<String> userIds, long after, long upTo) {
        Map<String, Long> latest = new HashMap<>();
        jdbc.sql("""
                        select user_id, max(token) from sync_change
                        where user_id = any(?) and token > ? and token <= ? group by user_id""")
                .params(userIds.toArray(String[]::new), after, upTo)
                .query(rs -> {
                    latest.put(rs.getString(1), rs.getLong(2));
                });
        return latest;
    }
}
