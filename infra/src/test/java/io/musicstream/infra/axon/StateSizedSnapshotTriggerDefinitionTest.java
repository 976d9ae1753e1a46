package io.musicstream.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;

class StateSizedSnapshotTriggerDefinitionTest {

    /** Stands in for an aggregate root in a snapshot. */
    private record State(int items) {
    }

    private final List<String> snapshots = new ArrayList<>();
    private final Snapshotter snapshotter = (type, id) -> snapshots.add(type.getSimpleName() + "/" + id);
    private final StateSizedSnapshotTriggerDefinition definition = new StateSizedSnapshotTriggerDefinition(
            snapshotter, 250, 10_000, payload -> payload instanceof State state ? state.items() : -1);
    private long sequence;

    @Test
    void aLargeStateWaitsForAsManyEventsAsItHasItems() {
        firstSnapshotAfter(loadedFromSnapshot(5_000), 5_000);
        assertThat(snapshots).containsExactly("State/lib-1");
    }

    @Test
    void aSmallStateStillWaitsForTheMinimum() {
        firstSnapshotAfter(loadedFromSnapshot(10), 250);
    }

    @Test
    void aHugeStateWaitsNoLongerThanTheMaximum() {
        firstSnapshotAfter(loadedFromSnapshot(1_000_000), 10_000);
    }

    @Test
    void whileCachedTheNextThresholdCountsTheEventsSinceAsGrowth() {
        SnapshotTrigger trigger = loadedFromSnapshot(1_000);
        events(trigger, 1_000);
        assertThat(snapshots).hasSize(1);
        // the state may now hold up to 2,000 items
        events(trigger, 1_999);
        assertThat(snapshots).hasSize(1);
        events(trigger, 1);
        assertThat(snapshots).hasSize(2);
    }

    @Test
    void loadedFromEventsAloneItStartsAtTheMinimum() {
        SnapshotTrigger trigger = definition.prepareTrigger(State.class);
        trigger.initializationFinished();
        firstSnapshotAfter(trigger, 250);
    }

    @Test
    void reconfiguringKeepsTheCount() {
        SnapshotTrigger trigger = loadedFromSnapshot(500);
        events(trigger, 499);
        SnapshotTrigger again = definition.reconfigure(State.class, trigger);
        assertThat(again).isSameAs(trigger);
        events(again, 1);
        assertThat(snapshots).hasSize(1);
    }

    @Test
    void refusesBoundsThatCannotHold() {
        assertThatThrownBy(() -> new StateSizedSnapshotTriggerDefinition(snapshotter, 0, 10, p -> -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StateSizedSnapshotTriggerDefinition(snapshotter, 10, 9, p -> -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private SnapshotTrigger loadedFromSnapshot(int items) {
        SnapshotTrigger trigger = definition.prepareTrigger(State.class);
        trigger.eventHandled(new GenericDomainEventMessage<>("Library", "lib-1", sequence++, new State(items)));
        trigger.initializationFinished();
        return trigger;
    }

    /** No snapshot through {@code count - 1} events, one at the {@code count}th. */
    private void firstSnapshotAfter(SnapshotTrigger trigger, int count) {
        events(trigger, count - 1);
        assertThat(snapshots).isEmpty();
        events(trigger, 1);
        assertThat(snapshots).hasSize(1);
    }

    private void events(SnapshotTrigger trigger, int count) {
        for (int i = 0; i < count; i++) {
            trigger.eventHandled(new GenericDomainEventMessage<>("Library", "lib-1", sequence++, "item saved"));
        }
    }
}
