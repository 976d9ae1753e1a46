package io.musicstream.projections.library;

import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.projections.TestServers;
import io.musicstream.projections.processors.ProcessorTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library read model on a fresh database of its own. Events are appended to the event store as the
 * library aggregate writes them and handed to {@link LibrarySyncProjection} in batches, each in one unit of
 * work and transaction, as the {@code library-sync} processor hands them; what the processor's token says it
 * has handled is set apart, so tests choose it.
 */
final class LibraryFixture {

    static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();

    final DataSource db = TestServers.freshDatabase();
    final JdbcTemplate jdbc = new JdbcTemplate(db);
    final JdbcClient client = JdbcClient.create(jdbc);
    final LibrarySyncProjection projection = new LibrarySyncProjection(jdbc);
    final ProcessorTokens tokens = new ProcessorTokens(client, SERIALIZER);
    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
    private final Map<String, Long> sequences = new HashMap<>();

    /** An event in the store: its id, its global index (the sync token of its change) and its payload. */
    record Stored(String eventId, long token, Object event) {
    }

    Stored saved(String userId, LibraryItemType type, String itemId, Instant at) {
        return append(new ItemSavedToLibrary(userId, type, itemId, at, null), Instant.now());
    }

    Stored removed(String userId, LibraryItemType type, String itemId, Instant at) {
        return append(new ItemRemovedFromLibrary(userId, type, itemId, at, null), Instant.now());
    }

    /** Appends {@code event} to the user's library stream, stored at {@code storedAt}, and commits it. */
    Stored append(Object event, Instant storedAt) {
        return append(jdbc, event, storedAt);
    }

    /** As {@link #append(Object, Instant)}, through {@code jdbc} (say, on a connection held open). */
    Stored append(JdbcTemplate jdbc, Object event, Instant storedAt) {
        String userId = event instanceof ItemSavedToLibrary s ? s.userId() : ((ItemRemovedFromLibrary) event).userId();
        String aggregate = "library-" + userId;
        long sequence = sequences.merge(aggregate, 0L, (a, b) -> a + 1);
        String eventId = UUID.randomUUID().toString();
        try {
            long token = jdbc.queryForObject("""
                            insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                                payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                            values (?, ?, ?, '1', ?, ?, ?, ?, 'Library') returning global_index""", Long.class,
                    eventId, "{}".getBytes(StandardCharsets.UTF_8), EventJson.objectMapper().writeValueAsBytes(event),
                    event.getClass().getName(), storedAt.toString(), aggregate, sequence);
            return new Stored(eventId, token, event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands {@code events} to the projection as one batch, in this order; its writes commit as the batch does. */
    void handle(Stored... events) {
        tx.executeWithoutResult(status -> {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(events[0].event()));
            try {
                for (Stored stored : events) {
                    if (stored.event() instanceof ItemSavedToLibrary saved) {
                        projection.on(saved, stored.eventId());
                    } else {
                        projection.on((ItemRemovedFromLibrary) stored.event(), stored.eventId());
                    }
                }
            } catch (RuntimeException e) {
                unit.rollback(e);
                throw e;
            }
            unit.commit();
        });
    }

    /** Stores the {@code library-sync} processor's token: it has passed {@code index} but for {@code gaps}. */
    void projectionPassed(long index, Long... gaps) {
        storeToken(LibrarySyncProjection.PROCESSING_GROUP, 0,
                GapAwareTrackingToken.newInstance(index, Set.of(gaps)));
    }

    void storeToken(String processor, int segment, TrackingToken token) {
        SerializedObject<byte[]> bytes = token == null ? null : SERIALIZER.serialize(token, byte[].class);
        jdbc.update("""
                        insert into token_entry (processor_name, segment, token, token_type) values (?, ?, ?, ?)
                        on conflict (processor_name, segment) do update set token = excluded.token,
                            token_type = excluded.token_type""",
                processor, segment, bytes == null ? null : bytes.getData(),
                bytes == null ? null : bytes.getType().getName());
    }

    /** A watermark over this database, ticked by the test (its thread is not started). */
    SyncWatermark watermark() {
        return new SyncWatermark(client, tokens, Duration.ofMillis(20));
    }

    /**
     * Ticks {@code watermark} until its bound reaches {@code bound}: a transaction anywhere on the server (say,
     * autovacuum's) may hold it back for a moment.
     */
    void tickUntil(SyncWatermark watermark, long bound) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        watermark.tick();
        while (watermark.lastBound() < bound && System.nanoTime() < deadline) {
            sleep(20);
            watermark.tick();
        }
        if (watermark.lastBound() != bound) {
            throw new AssertionError("the bound is " + watermark.lastBound() + ", not " + bound);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The user's library rows, as {@code type id token}, in token order. */
    List<String> items(String userId) {
        return client.sql("select item_type, item_id, token from library_item where user_id = ? order by token")
                .param(userId).query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3))
                .list();
    }

    /** The user's change rows, as {@code token kind type id}, in token order. */
    List<String> changes(String userId) {
        return client.sql("select token, kind, item_type, item_id from sync_change where user_id = ? order by token")
                .param(userId)
                .query((rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
                .list();
    }

    /** Dead-letters {@code stored} in the {@code library-sync} queue, in its user's sequence, as Axon does. */
    void deadLetter(Stored stored) {
        String userId = stored.event() instanceof ItemSavedToLibrary s ? s.userId()
                : ((ItemRemovedFromLibrary) stored.event()).userId();
        jdbc.update("""
                        insert into dead_letter_entry (dead_letter_id, processing_group, sequence_identifier,
                            sequence_index, message_type, event_identifier, time_stamp, payload_type, payload,
                            enqueued_at)
                        values (?, ?, ?, (select count(*) from dead_letter_entry), 'event', ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), LibrarySyncProjection.PROCESSING_GROUP,
                LibrarySyncProjection.SEQUENCE_PREFIX + userId, stored.eventId(), Instant.now().toString(),
                stored.event().getClass().getName(), "{}".getBytes(StandardCharsets.UTF_8), Instant.now().toString());
    }

    /** Removes every dead letter, as an operator who resolved them does. */
    void resolveDeadLetters() {
        jdbc.update("delete from dead_letter_entry");
    }
}
