package io.musicstream.infra;

import io.musicstream.events.serialization.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends an event straight to the event store, past every command and boundary check, as an old store or
 * another writer may hold it: how tests put in events that no projection can store.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** Appends {@code payload} as the first event of aggregate {@code aggregateId}; returns its global index. */
    public static long append(JdbcTemplate jdbc, String aggregateType, String aggregateId, Object payload) {
        try {
            return jdbc.queryForObject("""
                            insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                                payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                            values (?, ?, ?, '1', ?, ?, ?, 0, ?) returning global_index""", Long.class,
                    UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                    EventJson.objectMapper().writeValueAsBytes(payload), payload.getClass().getName(),
                    Instant.now().toString(), aggregateId, aggregateType);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
