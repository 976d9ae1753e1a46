package io.musicstream.infra.axon;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine with the tailing read cut into slices.
 *
 * <p>Axon's {@code EmbeddedEventStore} fills the cache it shares between processors at the head of the stream
 * with one blocking read ({@code mayBlock = true}, it is the only caller that asks for one), and keeps every event
 * of that read in memory until the read ends, so after a burst of events (a bulk import, a restore) it would hold
 * the whole burst (docs/performance.md). Ending each such read after {@code sliceSize} events
 * lets the cache be trimmed between slices, and stops the reading once no processor tails the cache any more.
 * Processors behind the head read their own streams, which are not cut.
 */
public class BoundedTailJdbcEventStorageEngine extends JdbcEventStorageEngine {

    private final int sliceSize;

    public BoundedTailJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, int sliceSize) {
        super(builder);
        if (sliceSize < 1) {
            throw new IllegalArgumentException("sliceSize must be positive");
        }
        this.sliceSize = sliceSize;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(sliceSize) : events;
    }
}
