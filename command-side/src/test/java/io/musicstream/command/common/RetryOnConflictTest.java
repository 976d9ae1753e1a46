package io.musicstream.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class RetryOnConflictTest {

    @Test
    void aWriteThatLostARaceIsSentAgain() {
        AtomicInteger attempts = new AtomicInteger();
        int answer = RetryOnConflict.send(() -> {
            if (attempts.incrementAndGet() < RetryOnConflict.ATTEMPTS) {
                throw new ConcurrencyException("another device wrote first");
            }
            return 7;
        });
        assertThat(answer).isEqualTo(7);
        assertThat(attempts).hasValue(RetryOnConflict.ATTEMPTS);
    }

    @Test
    void afterEveryAttemptLostARaceTheConflictIsReported() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> RetryOnConflict.send(() -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("another device wrote first");
        })).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(RetryOnConflict.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> RetryOnConflict.send(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not a race");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
