package io.musicstream.projections.library;

import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * event has been handled (see the query side's SyncWatermark), which is read from this processor's token.
 */
@Component
@ProcessingGroup(LibrarySyncProjection.PROCESSING_GROUP)
public class LibrarySyncProjection {

    public static final String PROCESSING_GROUP = "library-sync";
    private static final String BATCH = LibrarySyncProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    public LibrarySyncProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ItemSavedToLibrary event, @MessageIdentifier String eventId) {
        batch().add(new Change(eventId, event.userId(), true, event.itemType(), event.itemId(), event.changedAt(),
                event.clientChangeId()));
    }

    @EventHandler
    void on(ItemRemovedFromLibrary event, @MessageIdentifier String eventId) {
        batch().add(new Change(eventId, event.userId(), false, event.itemType(), event.itemId(), event.changedAt(),
                event.clientChangeId()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate library_item, sync_change, sync_horizon");
    }

    private record Change(String eventId, String userId, boolean saved, LibraryItemType type, String itemId,
                          Instant changedAt, String clientChangeId) {
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> batch.write(jdbc));
            return batch;
        });
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
