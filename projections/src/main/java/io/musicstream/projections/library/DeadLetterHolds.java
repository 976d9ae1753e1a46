package io.musicstream.projections.library;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users whose feed is held: a user whose {@code library-sync} events are dead-lettered is served only below
 * the first of them until it is resolved, since the changes then appear with their original tokens.
 */
final class DeadLetterHolds {

    private final JdbcClient jdbc;

    DeadLetterHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per held user, the lowest global index among their {@code library-sync} dead letters. */
    Map<String, Long> read() {
        Map<String, Long> held = new HashMap<>();
        jdbc.sql("""
                        select substr(d.sequence_identifier, ?), min(e.global_index)
                        from dead_letter_entry d join domain_event_entry e on e.event_identifier = d.event_identifier
                        where d.processing_group = ? and starts_with(d.sequence_identifier, ?)
                        group by d.sequence_identifier""")
                .params(LibrarySyncProjection.SEQUENCE_PREFIX.length() + 1, LibrarySyncProjection.PROCESSING_GROUP,
                        LibrarySyncProjection.SEQUENCE_PREFIX)
                .query(rs -> {
                    held.put(rs.getString(1), rs.getLong(2));
                });
        return held.isEmpty() ? Map.of() : Map.copyOf(held);
    }
}
