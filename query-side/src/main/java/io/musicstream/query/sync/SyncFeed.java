package io.musicstream.query.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A user's changes after a sync token, up to the {@link SyncWatermark} bound, oldest first. A token of 0, or
 * one below the user's horizon (changes there were pruned), starts a snapshot of the whole library instead:
 * its pages list every item as {@code added}, and the feed then continues from the snapshot's base token.
 */
@Service
public class SyncFeed {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1_000;

    private final JdbcClient jdbc;
    private final SyncWatermark watermark;

    public SyncFeed(JdbcClient jdbc, SyncWatermark watermark) {
        this.jdbc = jdbc;
        this.watermark = watermark;
    }

    /**
     * @param token          the change's sync token (for snapshot entries, the token of the item's save)
     * @param kind           {@code added} or {@code removed} (a tombstone)
     * @param at             when the change counts as made
     * @param clientChangeId the offline change it came from, so the device that made it can recognise it
     */
    public record Change(long token, String kind, String itemType, String itemId, Instant at,
                         String clientChangeId) {
    }

    /**
     * @param reset          drop what you hold first: this is the first page of a snapshot
     * @param syncToken      where to continue once {@code hasMore} is false
     * @param snapshotAfter  while a snapshot has more pages: pass it back with {@code since=syncToken}
     */
    @JsonSerialize(using = PageJson.class)
    public record Page(boolean reset, List<Change> changes, long syncToken, boolean hasMore, Long snapshotAfter) {
    }

    /** Thrown for a token the event store never issued. */
    public static class TokenFromTheFutureException extends RuntimeException {
        TokenFromTheFutureException(long token, long issued) {
            super("sync token " + token + " was never issued (the latest is " + issued + ")");
        }
    }

    public Page page(String userId, long since, Long snapshotAfter, int limit) {
        long bound = watermark.currentBound();
        if (snapshotAfter != null) {
            return snapshotPage(userId, since, snapshotAfter, limit, false);
        }
        if (since == 0) {
            return snapshotPage(userId, bound, 0, limit, true);
        }
        if (since >= bound) {
            long issued = since > bound ? watermark.lastIssued() : since;
            if (since > issued) {
                throw new TokenFromTheFutureException(since, issued);
            }
            return new Page(false, List.of(), since, false, null);
        }
        // one statement, so the horizon and the changes are read in one snapshot (pruning moves both)
        long[] horizon = {0};
        List<Change> changes = jdbc.sql("""
                        with horizon as (select coalesce(max(token), 0) as token from sync_horizon where user_id = ?)
                        select horizon.token as horizon, c.* from horizon left join lateral (
                            select token, kind, item_type, item_id, changed_at, client_change_id from sync_change
                            where user_id = ? and token > ? and token <= ? order by token limit ?) c on true
                        order by c.token""")
                .params(userId, userId, since, bound, limit + 1)
                .query((rs, i) -> {
                    horizon[0] = rs.getLong(1);
                    long token = rs.getLong(2);
                    return rs.wasNull() ? null : change(rs, token, 3);
                })
                .list().stream().filter(Objects::nonNull).toList();
        if (since < horizon[0]) {
            return snapshotPage(userId, bound, 0, limit, true);
        }
        if (changes.size() > limit) {
            changes = changes.subList(0, limit);
            return new Page(false, changes, changes.get(limit - 1).token(), true, null);
        }
        return new Page(false, changes, bound, false, null);
    }

    /** Items saved at or below {@code base}, after {@code after}, in token order, as {@code added} changes. */
    private Page snapshotPage(String userId, long base, long after, int limit, boolean first) {
        List<Change> items = jdbc.sql("""
                        select token, 'added' as kind, item_type, item_id, saved_at as changed_at,
                               null as client_change_id
                        from library_item where user_id = ? and token > ? and token <= ? order by token limit ?""")
                .params(userId, after, base, limit + 1)
                .query(CHANGE).list();
        boolean hasMore = items.size() > limit;
        if (hasMore) {
            items = items.subList(0, limit);
            return new Page(first, items, base, true, items.get(limit - 1).token());
        }
        return new Page(first, items, base, false, null);
    }

    /** Columns token, kind, item_type, item_id, changed_at, client_change_id. */
    private static final RowMapper<Change> CHANGE = (ResultSet rs, int i) -> change(rs, rs.getLong(1), 2);

    /** From kind, item_type, item_id, changed_at, client_change_id at {@code kind} and on (by index: a lookup by
     * name cost a quarter of a page's database work). */
    private static Change change(ResultSet rs, long token, int kind) throws SQLException {
        return new Change(token, rs.getString(kind), rs.getString(kind + 1), rs.getString(kind + 2),
                rs.getTimestamp(kind + 3).toInstant(), rs.getString(kind + 4));
    }

    /** The user's latest change at or below the bound, or the bound when there is none. */
    public long latestToken(String userId, long bound) {
        return jdbc.sql("select coalesce(max(token), ?) from sync_change where user_id = ? and token <= ?")
                .params(bound, userId, bound).query(Long.class).single();
    }
}
