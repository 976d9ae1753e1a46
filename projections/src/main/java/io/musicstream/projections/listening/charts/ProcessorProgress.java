package io.musicstream.projections.listening.charts;

import io.musicstream.projections.listening.Listening;
import io.musicstream.projections.processors.ProcessorTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the {@code listening} processor has counted: the storage time of the first event after the
 * lowest segment's token, or now when there is none (the processor is at the head of the store).
 */
@Component
class ProcessorProgress implements HandledThrough {

    private final JdbcClient jdbc;
    private final ProcessorTokens tokens;
    private final Clock clock;

    ProcessorProgress(JdbcClient jdbc, ProcessorTokens tokens, Clock clock) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> instant() {
        Instant now = clock.instant();
        List<TrackingToken> segments = tokens.of(Listening.TOTALS_PROCESSING_GROUP);
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        long position = segments.stream().mapToLong(ProcessorTokens::position).min().orElse(-1);
        Optional<String> next = jdbc.sql("""
                        select time_stamp from domain_event_entry where global_index > ?
                        order by global_index limit 1""")
                .param(position).query(String.class).optional();
        return Optional.of(next.map(Instant::parse).filter(at -> at.isBefore(now)).orElse(now));
    }
}
