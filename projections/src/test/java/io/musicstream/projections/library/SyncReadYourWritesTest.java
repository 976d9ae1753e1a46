package io.musicstream.projections.library;

import static io.musicstream.events.library.LibraryItemType.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.projections.library.LibraryFixture.Stored;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A read with a {@code minToken} waits, boundedly, for the bound to reach it. */
class SyncReadYourWritesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final LibraryFixture library = new LibraryFixture();
    private final SyncWatermark watermark = library.watermark();
    private final ReadYourWrites readYourWrites = new ReadYourWrites(watermark, Duration.ofMillis(300));

    @Test
    void aTokenTheBoundHasReachedOrNoTokenIsServedAtOnce() {
        Stored save = library.saved("ada", TRACK, "t1", T0);
        library.projectionPassed(save.token());
        library.tickUntil(watermark, save.token());

        assertThatCode(() -> {
            readYourWrites.await("ada", save.token());
            readYourWrites.await("ada", null);
        }).doesNotThrowAnyException();
    }

    @Test
    void aReadReturnsOnceTheBoundReachesItsToken() {
        Stored save = library.saved("ada", TRACK, "t1", T0);
        library.projectionPassed(save.token());
        ReadYourWrites patient = new ReadYourWrites(watermark, Duration.ofSeconds(10));
        watermark.start();
        try {
            assertThatCode(() -> patient.await("ada", save.token())).doesNotThrowAnyException();
        } finally {
            watermark.stop();
        }
    }

    @Test
    void aTokenTheFeedCannotReachInTimeIsNotCaughtUp() {
        Stored save = library.saved("ada", TRACK, "t1", T0);
        watermark.tick();

        long start = System.nanoTime();
        assertThatThrownBy(() -> readYourWrites.await("ada", save.token()))
                .isInstanceOf(ReadYourWrites.NotCaughtUpException.class).hasMessageContaining("not caught up");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aTokenAtOrPastTheUsersFirstDeadLetterIsRefusedAtOnce() {
        Stored dead = library.saved("ada", TRACK, "t1", T0);
        Stored others = library.saved("bo", TRACK, "t2", T0);
        library.deadLetter(dead);
        library.projectionPassed(others.token());
        library.tickUntil(watermark, others.token());

        assertThatThrownBy(() -> readYourWrites.await("ada", dead.token()))
                .isInstanceOf(ReadYourWrites.NotCaughtUpException.class)
                .hasMessageContaining("at token " + dead.token() + " is waiting for an operator");
        assertThatCode(() -> readYourWrites.await("bo", others.token())).doesNotThrowAnyException();
    }

    @Test
    void aTokenNeverIssuedIsRefused() {
        Stored save = library.saved("ada", TRACK, "t1", T0);

        assertThatThrownBy(() -> readYourWrites.await("ada", save.token() + 10))
                .isInstanceOf(UnknownSyncTokenException.class).hasMessageContaining("minToken");
    }
}
