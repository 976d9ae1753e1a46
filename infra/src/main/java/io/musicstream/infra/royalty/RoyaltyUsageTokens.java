package io.musicstream.infra.royalty;

import io.musicstream.projections.processors.ProcessorTokens;
import io.musicstream.projections.royalty.RoyaltyUsageProjection;
import io.musicstream.sagas.royalty.RoyaltyUsageProgress;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The royalty processor has caught up when every segment's token is at or past the event store's head as read
 * now, and none of the gaps its tokens still wait for below the head is an event stored by now. A gap whose
 * index holds no event is a rolled-back or still running transaction: the first is nothing, the second is not
 * "stored by now".
 */
@Component
class RoyaltyUsageTokens implements RoyaltyUsageProgress {

    private final JdbcClient jdbc;
    private final ProcessorTokens tokens;

    RoyaltyUsageTokens(JdbcClient jdbc, ProcessorTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    @Override
    public boolean caughtUpWithEventStore() {
        Optional<Long> head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class)
                .optional();
        if (head.isEmpty()) {
            return true;
        }
        List<TrackingToken> segments = tokens.of(RoyaltyUsageProjection.PROCESSING_GROUP);
        if (segments.isEmpty()) {
            return false;
        }
        SortedSet<Long> gaps = new TreeSet<>();
        for (TrackingToken token : segments) {
            if (ProcessorTokens.position(token) < head.get()) {
                return false;
            }
            if (token instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps().headSet(head.get() + 1));
            }
        }
        return gaps.isEmpty() || jdbc.sql("select count(*) from domain_event_entry where global_index = any(?)")
                .param(gaps.toArray(Long[]::new)).query(Long.class).single() == 0;
    }
}
