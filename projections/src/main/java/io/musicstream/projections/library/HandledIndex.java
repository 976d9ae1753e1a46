package io.musicstream.projections.library;

import io.musicstream.projections.processors.ProcessorTokens;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far the {@code library-sync} projection has handled the store: its token says which indexes it passed
 * (index and gaps). A gap at or below the final index that is not visible is a rolled-back number; a visible
 * one is waiting to be handled and caps what counts as handled.
 */
final class HandledIndex {

    private final JdbcClient jdbc;
    private final ProcessorTokens tokens;

    HandledIndex(JdbcClient jdbc, ProcessorTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    /** The highest index below which the projection has handled every committed event. */
    long upTo(long finalIndex) {
        List<TrackingToken> segments = tokens.of(LibrarySyncProjection.PROCESSING_GROUP);
        if (segments.isEmpty()) {
            return 0;
        }
        long handled = Long.MAX_VALUE;
        for (TrackingToken token : segments) {
            handled = Math.min(handled, upTo(token, finalIndex));
        }
        return handled;
    }

    private long upTo(TrackingToken token, long finalIndex) {
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return 0;
        }
        long handled = gapAware.getIndex();
        String finalGaps = gapAware.getGaps().stream().filter(g -> g <= finalIndex).map(String::valueOf)
                .collect(Collectors.joining(",", "{", "}"));
        for (Long gap : gapAware.getGaps()) {
            if (gap > finalIndex) {
                handled = Math.min(handled, gap - 1);
                break;
            }
        }
        if (finalGaps.length() > 2) {
            List<Long> committed = jdbc.sql("""
                            select global_index from domain_event_entry where global_index = any(cast(? as bigint[]))""")
                    .param(finalGaps).query(Long.class).list();
            for (Long gap : committed) {
                handled = Math.min(handled, gap - 1);
            }
        }
        return handled;
    }
}
