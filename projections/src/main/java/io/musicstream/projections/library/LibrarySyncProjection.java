package io.musicstream.projections.library;

import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.common.UnitOfWorkBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Libraries and their change feed: {@code library_item} (what each library holds) and {@code sync_change}
 * (every change, with its global index as token; removals are tombstones).
 *
 * <p>A batch of events is written with four batched statements as the batch commits, in the transaction
 * that also stores the processor's token. Redelivery is harmless: a change row is keyed by user and token,
 * and an item row only moves to a later token.
 *
 * <p>Keep this processor on one segment: the feed serves a user's changes up to a bound below which every
 * event has been handled (see {@link SyncWatermark}), which is read from this processor's token.
 */
@Component
@ProcessingGroup(LibrarySyncProjection.PROCESSING_GROUP)
public class LibrarySyncProjection {

    public static final String PROCESSING_GROUP = "library-sync";
    /** A user's library changes are one dead-letter sequence, named this prefix and the user id. */
    public static final String SEQUENCE_PREFIX = "library:";
    private static final String BATCH = LibrarySyncProjection.class.getName() + ".batch";

    /** Bytes of UTF-8 per text column: user, item and change ids share index rows of about 2.7 KB. */
    static final int MAX_TEXT_BYTES = 800;
    private static final int REMEMBERED_REFUSALS = 1_000;

    private final JdbcTemplate jdbc;
    /** Event ids whose change the database refused at a batch's commit, with the reason, until handled again. */
    private final Map<String, String> refused = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_REFUSALS;
        }
    });

    public LibrarySyncProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ItemSavedToLibrary event, @MessageIdentifier String eventId) {
        batch().add(storable(new Change(eventId, event.userId(), true, event.itemType(), event.itemId(),
                event.changedAt(), event.clientChangeId())));
    }

    @EventHandler
    void on(ItemRemovedFromLibrary event, @MessageIdentifier String eventId) {
        batch().add(storable(new Change(eventId, event.userId(), false, event.itemType(), event.itemId(),
                event.changedAt(), event.clientChangeId())));
    }

    /**
     * Refuses here, where the processor's dead-letter queue catches it, what the batch's write would refuse at
     * commit, where a failure fails the whole batch: text PostgreSQL cannot store, keys too long for an index
     * row, missing values, and changes the database refused in an earlier attempt at the batch.
     */
    private Change storable(Change change) {
        Storable.text("userId", change.userId(), MAX_TEXT_BYTES);
        Storable.present("itemType", change.type());
        Storable.text("itemId", change.itemId(), MAX_TEXT_BYTES);
        Storable.present("changedAt", change.changedAt());
        Storable.optionalText("clientChangeId", change.clientChangeId(), MAX_TEXT_BYTES);
        String refusal = refused.remove(change.eventId());
        if (refusal != null) {
            throw new Storable.UnstorableEventException("the library tables refused this change: " + refusal);
        }
        return change;
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate library_item, sync_change, sync_horizon");
    }

    private record Change(String eventId, String userId, boolean saved, LibraryItemType type, String itemId,
                          Instant changedAt, String clientChangeId) {
    }

    private Batch batch() {
        return UnitOfWorkBatch.current(BATCH, Batch::new, this::writeOrFindRefused);
    }

    /**
     * Writes the batch. Should the database refuse it for its data (SQLState classes 22, 23, 54: a case the
     * handlers' checks missed), finds the refused changes one by one under savepoints, remembers them and fails
     * the batch: the processor retries it, and the handlers then refuse those events, which dead-letters them
     * instead of failing the batch for ever.
     */
    private void writeOrFindRefused(Batch batch) {
        try {
            writeOrFindRefusedOn(DataSourceUtils.getConnection(jdbc.getDataSource()), batch);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("library batch savepoint", null, e);
        }
    }

    private void writeOrFindRefusedOn(Connection connection, Batch batch) throws SQLException {
        Savepoint whole = connection.setSavepoint();
        try {
            batch.write(jdbc);
            connection.releaseSavepoint(whole);
        } catch (DataAccessException e) {
            if (!refusedForItsData(e)) {
                throw e;
            }
            connection.rollback(whole);
            for (Change change : batch.changes) {
                Savepoint one = connection.setSavepoint();
                try {
                    Batch single = new Batch();
                    single.add(change);
                    single.write(jdbc);
                } catch (DataAccessException refusal) {
                    if (refusedForItsData(refusal)) {
                        refused.put(change.eventId(), String.valueOf(refusal.getMostSpecificCause().getMessage()));
                    }
                }
                connection.rollback(one);
            }
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
        }
    }

    private static boolean refusedForItsData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23")
                    || sql.getSQLState().startsWith("54"))) {
                return true;
            }
        }
        return false;
    }

    /** The changes of one batch of events; an item's latest change (highest token) decides its row. */
    private static final class Batch {
        private final List<Change> changes = new ArrayList<>();

        void add(Change change) {
            changes.add(change);
        }

        /**
         * An event's token is its global index, looked up by event id: the processor's tracking token is not
         * it (an event that fills a gap carries the token of the highest index seen so far).
         */
        void write(JdbcTemplate jdbc) {
            Map<String, Long> tokens = new HashMap<>();
            jdbc.query("select event_identifier, global_index from domain_event_entry where event_identifier = any(?)",
                    rs -> {
                        tokens.put(rs.getString(1), rs.getLong(2));
                    }, (Object) changes.stream().map(Change::eventId).toArray(String[]::new));
            jdbc.batchUpdate("""
                            insert into sync_change (user_id, token, kind, item_type, item_id, changed_at, client_change_id)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict do nothing""", changes, 1_000, (ps, c) -> {
                ps.setString(1, c.userId());
                ps.setLong(2, tokens.get(c.eventId()));
                ps.setString(3, c.saved() ? "added" : "removed");
                ps.setString(4, c.type().wireName());
                ps.setString(5, c.itemId());
                ps.setTimestamp(6, Timestamp.from(c.changedAt()));
                ps.setString(7, c.clientChangeId());
            });
            Map<String, Change> lastPerItem = new LinkedHashMap<>();
            for (Change change : changes) {
                lastPerItem.merge(change.userId() + '\u0000' + change.type() + '\u0000' + change.itemId(), change,
                        (a, b) -> tokens.get(a.eventId()) > tokens.get(b.eventId()) ? a : b);
            }
            List<Change> saves = lastPerItem.values().stream().filter(Change::saved).toList();
            List<Change> removals = lastPerItem.values().stream().filter(c -> !c.saved()).toList();
            jdbc.batchUpdate("""
                    insert into library_item (user_id, item_type, item_id, saved_at, token) values (?, ?, ?, ?, ?)
                    on conflict (user_id, item_type, item_id) do update
                        set saved_at = excluded.saved_at, token = excluded.token
                        where library_item.token < excluded.token""", saves, 1_000, (ps, c) -> {
                ps.setString(1, c.userId());
                ps.setString(2, c.type().wireName());
                ps.setString(3, c.itemId());
                ps.setTimestamp(4, Timestamp.from(c.changedAt()));
                ps.setLong(5, tokens.get(c.eventId()));
            });
            jdbc.batchUpdate("""
                    delete from library_item
                    where user_id = ? and item_type = ? and item_id = ? and token < ?""", removals, 1_000, (ps, c) -> {
                ps.setString(1, c.userId());
                ps.setString(2, c.type().wireName());
                ps.setString(3, c.itemId());
                ps.setLong(4, tokens.get(c.eventId()));
            });
        }
    }
}
