package io.musicstream.projections.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundListenersTest {

    private final BoundListeners listeners = new BoundListeners();
    private final List<String> heard = new ArrayList<>();

    private SyncWatermark.BoundListener recording(String name) {
        return new SyncWatermark.BoundListener() {
            @Override
            public void boundAdvanced(long from, long to) {
                heard.add(name + " " + from + "->" + to);
            }

            @Override
            public void holdReleased(String userId) {
                heard.add(name + " released " + userId);
            }
        };
    }

    @Test
    void listenersHearOnlyOfABoundThatMovedUp() {
        listeners.add(recording("a"));
        listeners.boundMoved(3, 3);
        listeners.boundMoved(5, 4);
        listeners.boundMoved(4, 9);
        assertThat(heard).containsExactly("a 4->9");
    }

    @Test
    void listenersHearOfEveryHoldThatWasLiftedButNotOfNewOnes() {
        listeners.add(recording("a"));
        listeners.holdsChanged(Map.of("ada", 4L, "bo", 6L), Map.of("bo", 6L, "cyd", 8L));
        assertThat(heard).containsExactly("a released ada");
    }

    @Test
    void aFailingListenerKeepsNoOtherFromHearing() {
        listeners.add((from, to) -> {
            throw new IllegalStateException("broken");
        });
        listeners.add(recording("b"));
        listeners.boundMoved(1, 2);
        assertThat(heard).containsExactly("b 1->2");
    }
}
