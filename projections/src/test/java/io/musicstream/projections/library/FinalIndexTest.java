package io.musicstream.projections.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FinalIndexTest {

    private final FinalIndex index = new FinalIndex(null);

    @Test
    void withNoTransactionRunningEverythingIssuedIsFinal() {
        assertThat(index.observe(5, Set.of())).isEqualTo(5);
        assertThat(index.observe(9, Set.of())).isEqualTo(9);
    }

    @Test
    void anIndexBecomesFinalOnceEveryTransactionRunningWhenItWasReadHasEnded() {
        index.observe(3, Set.of());
        assertThat(index.observe(7, Set.of(100L, 101L))).as("100 and 101 may hold numbers up to 7").isEqualTo(3);
        assertThat(index.observe(8, Set.of(101L, 102L))).as("101 still runs").isEqualTo(3);
        assertThat(index.observe(9, Set.of(102L, 103L))).as("100 and 101 ended: 7 is final").isEqualTo(7);
        assertThat(index.observe(9, Set.of(103L))).as("102 ended: 8 is final").isEqualTo(8);
    }

    @Test
    void aSlowTransactionHoldsTheIndexBackForAsLongAsItRuns() {
        index.observe(2, Set.of());
        for (long issued = 3; issued < 100; issued++) {
            assertThat(index.observe(issued, Set.of(42L))).isEqualTo(2);
        }
        assertThat(index.observe(100, Set.of(43L))).isEqualTo(99);
    }

    @Test
    void theFinalIndexNeverGoesDown() {
        index.observe(10, Set.of());
        assertThat(index.observe(4, Set.of())).isEqualTo(10);
        assertThat(index.observe(6, Set.of(1L))).isEqualTo(10);
    }
}
