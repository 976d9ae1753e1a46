package io.musicstream.infra.processors;

import io.musicstream.infra.common.Json;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/** Reads the dead-letter queue's table, joined to the event store for each letter's global index. */
@Component
class DeadLetterReader {

    private final JdbcClient jdbc;

    DeadLetterReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many letters {@code processor} holds, in sequence {@code sequenceId} or ({@code null}) in all. */
    long count(String processor, String sequenceId) {
        return jdbc.sql("""
                        select count(*) from dead_letter_entry
                        where processing_group = ? and (cast(? as text) is null or sequence_identifier = ?)""")
                .params(processor, sequenceId, sequenceId).query(Long.class).single();
    }

    /** Letters oldest event first, of one sequence or ({@code null}) of all. */
    List<LetterView> letters(String processor, String sequenceId, int limit, int offset) {
        return jdbc.sql("""
                        select d.sequence_identifier, d.sequence_index, d.event_identifier, d.payload_type,
                               e.global_index, d.cause_type, d.cause_message, d.enqueued_at, d.last_touched,
                               d.diagnostics
                        from dead_letter_entry d left join domain_event_entry e on e.event_identifier = d.event_identifier
                        where d.processing_group = ? and (cast(? as text) is null or d.sequence_identifier = ?)
                        order by e.global_index nulls last, d.sequence_identifier, d.sequence_index
                        limit ? offset ?""")
                .params(processor, sequenceId, sequenceId, limit, offset)
                .query((rs, i) -> new LetterView(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class),
                        rs.getString(6) == null ? null : new LetterView.Cause(rs.getString(6), rs.getString(7)),
                        rs.getString(8), rs.getString(9), retries(rs.getBytes(10))))
                .list();
    }

    /** The processor's sequences, the one enqueued first first. */
    List<String> sequences(String processor) {
        return jdbc.sql("""
                        select sequence_identifier from dead_letter_entry where processing_group = ?
                        group by sequence_identifier order by min(enqueued_at)""")
                .param(processor).query(String.class).list();
    }

    boolean hasSequence(String processor, String sequenceId) {
        return jdbc.sql("""
                        select exists (select 1 from dead_letter_entry
                                       where processing_group = ? and sequence_identifier = ?)""")
                .params(processor, sequenceId).query(Boolean.class).single();
    }

    /** The retry count in a letter's stored diagnostics; 0 when there is none or it cannot be read. */
    static long retries(byte[] diagnostics) {
        if (diagnostics == null) {
            return 0;
        }
        try {
            Object retries = Json.MAPPER.readValue(diagnostics, Map.class).get(DeadLetterPolicy.RETRIES);
            return retries instanceof Number n ? n.longValue() : 0;
        } catch (JacksonException e) {
            return 0;
        }
    }
}
