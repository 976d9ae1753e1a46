package io.musicstream.projections.playlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.musicstream.events.serialization.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The playlists read model for readers: details, items by position, item edits since a snapshot, a user's
 * playlists. Reads that combine tables run in one repeatable-read transaction, so they see one batch's state.
 */
@Repository
public class Playlists {

    /** How long a read waits for the projection to reach a {@code minSnapshot}. */
    public static final Duration MIN_SNAPSHOT_WAIT = Duration.ofSeconds(2);
    private static final TypeReference<Map<String, Object>> OPERATION = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate snapshotRead;

    Playlists(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshotRead = new TransactionTemplate(transactions);
        this.snapshotRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshotRead.setReadOnly(true);
    }

    public record Details(String playlistId, String ownerId, String name, String description, boolean isPublic,
                          boolean collaborative, String snapshotId, int itemCount, Instant updatedAt,
                          List<String> collaborators, List<Invitation> invitations) {

        /** Public playlists to anyone; private ones to the owner and the collaborators only. */
        public boolean visibleTo(String userId) {
            return isPublic || ownerId.equals(userId) || collaborators.contains(userId);
        }
    }

    public record Invitation(String invitationId, String inviteeId, Instant invitedAt, Instant expiresAt) {
    }

    /** @param position the item's place, from 0 */
    public record Item(int position, String itemId, String trackId, String addedBy, Instant addedAt) {
    }

    public record ItemPage(String snapshotId, int total, List<Item> items) {
    }

    /**
     * The item edits after a snapshot, in order; or, when the log no longer holds them all ({@code reset}), every
     * item instead.
     */
    public record Changes(String snapshotId, boolean reset, List<Map<String, Object>> operations, List<Item> items) {
    }

    public record Summary(String playlistId, String ownerId, String name, boolean isPublic, boolean collaborative,
                          String snapshotId, int itemCount, Instant updatedAt) {
    }

    public record SummaryPage(long total, List<Summary> items) {
    }

    /** A playlist that is not deleted, with its collaborators and pending invitations. */
    public Optional<Details> details(String playlistId) {
        return snapshotRead.execute(status -> {
            Optional<Row> row = row(playlistId);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Row p = row.get();
            List<String> collaborators = jdbc.sql("""
                            select user_id from playlist_collaborator where playlist_id = ?
                            order by added_at, user_id""")
                    .param(playlistId).query(String.class).list();
            List<Invitation> invitations = jdbc.sql("""
                            select invitation_id, invitee_id, invited_at, expires_at from playlist_invitation
                            where playlist_id = ? order by invited_at, invitation_id""")
                    .param(playlistId)
                    .query((rs, i) -> new Invitation(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4)))
                    .list();
            return Optional.of(new Details(p.playlistId(), p.ownerId(), p.name(), p.description(), p.isPublic(),
                    p.collaborative(), Long.toString(p.snapshot()), p.itemCount(), p.updatedAt(), collaborators,
                    invitations));
        });
    }

    /** Items from position {@code offset}, at most {@code limit}: an index range in key order. */
    public Optional<ItemPage> items(String playlistId, int limit, int offset) {
        return snapshotRead.execute(status -> row(playlistId).map(p -> new ItemPage(Long.toString(p.snapshot()),
                p.itemCount(), itemRange(playlistId, offset, limit))));
    }

    /** What changed after {@code sinceSnapshot}; {@code reset} with the items when the log cannot tell. */
    public Optional<Changes> changes(String playlistId, long sinceSnapshot) {
        return snapshotRead.execute(status -> row(playlistId).map(p -> {
            String snapshotId = Long.toString(p.snapshot());
            if (sinceSnapshot < p.logFrom() || sinceSnapshot > p.snapshot()) {
                return new Changes(snapshotId, true, null, itemRange(playlistId, 0, Integer.MAX_VALUE));
            }
            List<Map<String, Object>> operations = jdbc.sql("""
                            select operation::text from playlist_operation where playlist_id = ? and snapshot > ?
                            order by snapshot""")
                    .params(playlistId, sinceSnapshot).query((rs, i) -> json(rs.getString(1))).list();
            return new Changes(snapshotId, false, operations, null);
        }));
    }

    /** The user's own playlists and those they collaborate on, newest first. */
    public SummaryPage ofUser(String userId, int limit, int offset) {
        List<Object[]> rows = jdbc.sql("""
                        with mine as (
                            select p.* from playlist p where p.owner_id = ? and not p.deleted
                            union all
                            select p.* from playlist_collaborator c join playlist p on p.playlist_id = c.playlist_id
                            where c.user_id = ? and not p.deleted)
                        select playlist_id, owner_id, name, is_public, collaborative, snapshot, item_count, updated_at,
                               count(*) over ()
                        from mine order by created_at desc, playlist_id limit ? offset ?""")
                .params(userId, userId, limit, offset)
                .query((rs, i) -> new Object[] {new Summary(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getBoolean(5), Long.toString(rs.getLong(6)), rs.getInt(7),
                        instant(rs, 8)), rs.getLong(9)})
                .list();
        long total = rows.isEmpty() ? offset == 0 ? 0 : count(userId) : (long) rows.get(0)[1];
        return new SummaryPage(total, rows.stream().map(r -> (Summary) r[0]).toList());
    }

    /**
     * Waits until the projection has handled the playlist's snapshot {@code minSnapshot}, up to
     * {@link #MIN_SNAPSHOT_WAIT}; a playlist not (yet) projected waits too.
     *
     * @return {@code false} at once when the playlist was never given that snapshot: each of its events adds at
     *         most one to the snapshot, so it cannot pass its event count (an unknown playlist has none)
     */
    public boolean awaitSnapshot(String playlistId, long minSnapshot) {
        long lastSequence = jdbc.sql("""
                        select coalesce(max(sequence_number), -1) from domain_event_entry
                        where aggregate_identifier = ?""")
                .param(playlistId).query(Long.class).single();
        if (lastSequence < 0 || minSnapshot > lastSequence + 1) {
            return false;
        }
        long deadline = System.nanoTime() + MIN_SNAPSHOT_WAIT.toNanos();
        while (true) {
            Long snapshot = jdbc.sql("select snapshot from playlist where playlist_id = ?").param(playlistId)
                    .query(Long.class).optional().orElse(null);
            if (snapshot != null && snapshot >= minSnapshot) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUpException(playlistId, minSnapshot);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotCaughtUpException(playlistId, minSnapshot);
            }
        }
    }

    /** The read model has not reached the snapshot a reader asked for within the wait. */
    public static class NotCaughtUpException extends RuntimeException {
        NotCaughtUpException(String playlistId, long snapshot) {
            super("playlist " + playlistId + " has not caught up to snapshot " + snapshot + " yet; retry shortly");
        }
    }

    private long count(String userId) {
        return jdbc.sql("""
                        select (select count(*) from playlist where owner_id = ? and not deleted)
                             + (select count(*) from playlist_collaborator c join playlist p
                                    on p.playlist_id = c.playlist_id where c.user_id = ? and not p.deleted)""")
                .params(userId, userId).query(Long.class).single();
    }

    private List<Item> itemRange(String playlistId, int offset, int limit) {
        return jdbc.sql("""
                        select item_id, track_id, added_by, added_at from playlist_item
                        where playlist_id = ? order by sort_key, item_id offset ? limit ?""")
                .params(playlistId, offset, limit)
                .query((rs, i) -> new Item(offset + i, rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4)))
                .list();
    }

    private record Row(String playlistId, String ownerId, String name, String description, boolean isPublic,
                       boolean collaborative, long snapshot, int itemCount, Instant updatedAt, long logFrom) {
    }

    private Optional<Row> row(String playlistId) {
        return jdbc.sql("""
                        select playlist_id, owner_id, name, description, is_public, collaborative, snapshot, item_count,
                               updated_at, log_from
                        from playlist where playlist_id = ? and not deleted""")
                .param(playlistId)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getLong(7), rs.getInt(8), instant(rs, 9),
                        rs.getLong(10)))
                .optional();
    }

    private static Map<String, Object> json(String text) {
        try {
            return EventJson.objectMapper().readValue(text, OPERATION);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
