package io.musicstream.projections.playlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.CollaboratorRemoved;
import io.musicstream.events.playlist.InvitationAccepted;
import io.musicstream.events.playlist.InvitationDeclined;
import io.musicstream.events.playlist.InvitationExpired;
import io.musicstream.events.playlist.PlaylistCreated;
import io.musicstream.events.playlist.PlaylistDeleted;
import io.musicstream.events.playlist.PlaylistDetailsChanged;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.events.playlist.PlaylistItemsMoved;
import io.musicstream.events.playlist.PlaylistItemsRemoved;
import io.musicstream.events.playlist.PlaylistItemsReplaced;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.projections.common.Storable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Playlists, their items in order and their recent item edits: {@code playlist}, {@code playlist_collaborator},
 * {@code playlist_invitation}, {@code playlist_item}, {@code playlist_operation}.
 *
 * <p>Items are ordered by a sparse key ({@link ItemKeys}): an add or a move writes only the items it names, with keys
 * between their new neighbours', and a removal deletes rows, so an edit of a 10,000-item playlist does not rewrite
 * the others (shifting dense positions did, a second or more per edit once a batch had shifted the same rows). An
 * edit event is
 * applied once: the playlist row holds the last snapshot handled, and an event at or below it is skipped, so
 * redelivery and a replay of a batch write nothing twice. Membership events are writes of a final state.
 *
 * <p>Sequenced by playlist (its aggregate id): one segment handles a playlist's events, in order.
 */
@Component
@ProcessingGroup(PlaylistProjection.PROCESSING_GROUP)
public class PlaylistProjection {

    public static final String PROCESSING_GROUP = "playlists";
    /** A playlist's events are one dead-letter sequence, named this prefix and the playlist id. */
    public static final String SEQUENCE_PREFIX = "playlist:";
    /** Item edits kept per playlist for the changes endpoint. */
    public static final int LOG_KEPT = 1_000;
    /** Trimmed once this many more are there: one delete per hundred edits, not one per edit. */
    static final int LOG_SLACK = 100;
    private static final int MAX_TEXT_BYTES = 4_000;

    private final JdbcTemplate jdbc;
    private final ItemKeys keys;
    private final TransactionTemplate savepoint;

    public PlaylistProjection(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.keys = new ItemKeys(jdbc);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @EventHandler
    void on(PlaylistCreated event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        long snapshot = snapshot(event.snapshotId());
        inSavepoint(() -> jdbc.update("""
                        insert into playlist (playlist_id, owner_id, name, description, is_public, collaborative,
                                              snapshot, created_at, updated_at, log_from)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (playlist_id) do nothing""",
                event.playlistId(), event.ownerId(), event.name(), event.description(), event.isPublic(),
                event.collaborative(), snapshot, ts(event.at()), ts(event.at()), snapshot));
    }

    @EventHandler
    void on(PlaylistDetailsChanged event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        edit(event.playlistId(), event.snapshotId(), event.at(), snapshot -> jdbc.update("""
                        update playlist set name = ?, description = ?, is_public = ?, collaborative = ?
                        where playlist_id = ?""",
                event.name(), event.description(), event.isPublic(), event.collaborative(), event.playlistId()));
    }

    @EventHandler
    void on(PlaylistDeleted event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        inSavepoint(() -> {
            String id = event.playlistId();
            jdbc.update("update playlist set deleted = true, item_count = 0, updated_at = ? where playlist_id = ?",
                    ts(event.at()), id);
            jdbc.update("delete from playlist_item where playlist_id = ?", id);
            jdbc.update("delete from playlist_operation where playlist_id = ?", id);
            jdbc.update("delete from playlist_collaborator where playlist_id = ?", id);
            jdbc.update("delete from playlist_invitation where playlist_id = ?", id);
        });
    }

    @EventHandler
    void on(PlaylistItemsAdded event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        edit(event.playlistId(), event.snapshotId(), event.at(), snapshot -> {
            String id = event.playlistId();
            int count = event.items().size();
            insertItems(id, keys.between(id, event.position(), count), event.items());
            jdbc.update("update playlist set item_count = item_count + ? where playlist_id = ?", count, id);
            Map<String, Object> op = operation("add", event.snapshotId());
            op.put("position", event.position());
            op.put("items", event.items().stream().map(PlaylistProjection::item).toList());
            log(id, snapshot, op);
        });
    }

    @EventHandler
    void on(PlaylistItemsRemoved event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        edit(event.playlistId(), event.snapshotId(), event.at(), snapshot -> {
            String id = event.playlistId();
            int removed = jdbc.update("delete from playlist_item where playlist_id = ? and item_id = any(?)", id,
                    event.itemIds().toArray(String[]::new));
            jdbc.update("update playlist set item_count = item_count - ? where playlist_id = ?", removed, id);
            Map<String, Object> op = operation("remove", event.snapshotId());
            op.put("positions", event.positions());
            op.put("itemIds", event.itemIds());
            log(id, snapshot, op);
        });
    }

    @EventHandler
    void on(PlaylistItemsMoved event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        edit(event.playlistId(), event.snapshotId(), event.at(), snapshot -> {
            int start = event.rangeStart();
            int length = event.rangeLength();
            int before = event.insertBefore();
            keys.move(event.playlistId(), start, length, before);
            Map<String, Object> op = operation("move", event.snapshotId());
            op.put("rangeStart", start);
            op.put("rangeLength", length);
            op.put("insertBefore", before);
            log(event.playlistId(), snapshot, op);
        });
    }

    /** A replace starts the log afresh: changes from before it answer with the items ({@code reset}). */
    @EventHandler
    void on(PlaylistItemsReplaced event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        edit(event.playlistId(), event.snapshotId(), event.at(), snapshot -> {
            String id = event.playlistId();
            jdbc.update("delete from playlist_item where playlist_id = ?", id);
            insertItems(id, ItemKeys.spread(event.items().size()), event.items());
            jdbc.update("delete from playlist_operation where playlist_id = ?", id);
            jdbc.update("update playlist set item_count = ?, log_from = ? where playlist_id = ?",
                    event.items().size(), snapshot, id);
        });
    }

    @EventHandler
    void on(CollaboratorInvited event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        inSavepoint(() -> jdbc.update("""
                        insert into playlist_invitation (playlist_id, invitation_id, invitee_id, invited_at, expires_at)
                        select ?, ?, ?, ?, ? where exists (select 1 from playlist where playlist_id = ? and not deleted)
                        on conflict do nothing""",
                event.playlistId(), event.invitationId(), event.inviteeId(), ts(event.at()), ts(event.expiresAt()),
                event.playlistId()));
    }

    @EventHandler
    void on(InvitationAccepted event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        inSavepoint(() -> {
            answered(event.playlistId(), event.invitationId());
            jdbc.update("""
                            insert into playlist_collaborator (playlist_id, user_id, added_at)
                            select ?, ?, ? where exists (select 1 from playlist where playlist_id = ? and not deleted)
                            on conflict do nothing""",
                    event.playlistId(), event.inviteeId(), ts(event.at()), event.playlistId());
        });
    }

    @EventHandler
    void on(InvitationDeclined event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        inSavepoint(() -> answered(event.playlistId(), event.invitationId()));
    }

    @EventHandler
    void on(InvitationExpired event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        inSavepoint(() -> answered(event.playlistId(), event.invitationId()));
    }

    @EventHandler
    void on(CollaboratorRemoved event) {
        Storable.allText("event", event, MAX_TEXT_BYTES);
        inSavepoint(() -> jdbc.update("delete from playlist_collaborator where playlist_id = ? and user_id = ?",
                event.playlistId(), event.collaboratorId()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate playlist, playlist_collaborator, playlist_invitation, playlist_item, "
                + "playlist_operation");
    }

    private interface Edit {
        void apply(long snapshot);
    }

    /**
     * Applies an edit that makes snapshot {@code snapshotId} unless the playlist's row is past it already (or
     * is missing or deleted: the edit has nothing to apply to), then records the snapshot and the time.
     */
    private void edit(String playlistId, String snapshotId, Instant at, Edit edit) {
        long snapshot = snapshot(snapshotId);
        inSavepoint(() -> {
            int claimed = jdbc.update("""
                            update playlist set snapshot = ?, updated_at = ?
                            where playlist_id = ? and snapshot < ? and not deleted""",
                    snapshot, ts(at), playlistId, snapshot);
            if (claimed == 1) {
                edit.apply(snapshot);
            }
        });
    }

    /** Runs one event's writes under a savepoint: a statement refused rolls back only this event. */
    private void inSavepoint(Runnable writes) {
        savepoint.executeWithoutResult(status -> writes.run());
    }

    private void insertItems(String playlistId, long[] sortKeys, List<PlaylistItem> items) {
        jdbc.batchUpdate("""
                insert into playlist_item (playlist_id, item_id, sort_key, track_id, added_by, added_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                PlaylistItem item = items.get(i);
                ps.setString(1, playlistId);
                ps.setString(2, item.itemId());
                ps.setLong(3, sortKeys[i]);
                ps.setString(4, item.trackId());
                ps.setString(5, item.addedBy());
                ps.setTimestamp(6, ts(item.addedAt()));
            }

            @Override
            public int getBatchSize() {
                return items.size();
            }
        });
    }

    private void answered(String playlistId, String invitationId) {
        jdbc.update("delete from playlist_invitation where playlist_id = ? and invitation_id = ?", playlistId,
                invitationId);
    }

    /** Appends an item edit to the playlist's log and trims the log to the last {@value #LOG_KEPT} now and then. */
    private void log(String playlistId, long snapshot, Map<String, Object> operation) {
        try {
            jdbc.update("insert into playlist_operation (playlist_id, snapshot, operation) values (?, ?, ?::jsonb)"
                            + " on conflict do nothing",
                    playlistId, snapshot, EventJson.objectMapper().writeValueAsString(operation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long keepFrom = snapshot - LOG_KEPT;
        int trimmed = jdbc.update("update playlist set log_from = ? where playlist_id = ? and log_from < ?",
                keepFrom, playlistId, keepFrom - LOG_SLACK);
        if (trimmed == 1) {
            jdbc.update("delete from playlist_operation where playlist_id = ? and snapshot <= ?", playlistId, keepFrom);
        }
    }

    private static Map<String, Object> operation(String kind, String snapshotId) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("op", kind);
        op.put("snapshotId", snapshotId);
        return op;
    }

    private static Map<String, Object> item(PlaylistItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("itemId", item.itemId());
        json.put("trackId", item.trackId());
        json.put("addedBy", item.addedBy());
        json.put("addedAt", item.addedAt().toString());
        return json;
    }

    private static long snapshot(String snapshotId) {
        try {
            return Long.parseLong(Storable.text("snapshotId", snapshotId, MAX_TEXT_BYTES));
        } catch (NumberFormatException e) {
            throw new Storable.UnstorableEventException("snapshotId " + snapshotId + " is not a number");
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
