package io.musicstream.infra.axon;

import java.io.Serial;
import java.util.function.ToIntFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots an aggregate once the events since its last snapshot outnumber what that snapshot holds. A snapshot
 * costs in proportion to the state (rebuilding it, serializing it, storing it), replaying in proportion to the
 * events, so a fixed count snapshots large aggregates far too often: a 5,000-item library every 250 events wrote
 * 5,000 items per 250 writes. Waiting for as many events as the state has items keeps snapshots at about one item
 * per event, and a cold load at no more than twice the state.
 *
 * <p>The state's size is read from the snapshot the aggregate was loaded from. Between snapshots, while the
 * aggregate stays cached, it can only have grown by the events since, so that sum stands in for the next
 * snapshot's size. The threshold stays between {@code minEvents} and {@code maxEvents}.
 */
public class StateSizedSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final int minEvents;
    private final int maxEvents;
    private final ToIntFunction<Object> stateSize;

    /**
     * @param stateSize the size of a snapshot's payload (the aggregate root), or -1 for any other payload
     */
    public StateSizedSnapshotTriggerDefinition(Snapshotter snapshotter, int minEvents, int maxEvents,
                                               ToIntFunction<Object> stateSize) {
        if (minEvents < 1 || maxEvents < minEvents) {
            throw new IllegalArgumentException("need 1 <= minEvents <= maxEvents");
        }
        this.snapshotter = snapshotter;
        this.minEvents = minEvents;
        this.maxEvents = maxEvents;
        this.stateSize = stateSize;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, minEvents, maxEvents, stateSize);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof Trigger sized) {
            sized.setSnapshotter(snapshotter);
            sized.stateSize = stateSize;
            return sized;
        }
        return prepareTrigger(aggregateType);
    }

    static final class Trigger extends AbstractSnapshotTrigger {

        @Serial
        private static final long serialVersionUID = 1L;

        private final int minEvents;
        private final int maxEvents;
        private transient ToIntFunction<Object> stateSize;
        /** Size of the state at the last snapshot, or an upper bound of it. */
        private int snapshotSize;
        private int eventsSince;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, int minEvents, int maxEvents,
                ToIntFunction<Object> stateSize) {
            super(snapshotter, aggregateType);
            this.minEvents = minEvents;
            this.maxEvents = maxEvents;
            this.stateSize = stateSize;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            int size = stateSize == null ? -1 : stateSize.applyAsInt(message.getPayload());
            if (size >= 0) {
                snapshotSize = size;
                eventsSince = 0;
                return;
            }
            super.eventHandled(message);
        }

        private int threshold() {
            return Math.max(minEvents, Math.min(maxEvents, snapshotSize));
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++eventsSince >= threshold();
        }

        @Override
        protected void reset() {
            snapshotSize = (int) Math.min(Integer.MAX_VALUE, (long) snapshotSize + eventsSince);
            eventsSince = 0;
        }
    }
}
