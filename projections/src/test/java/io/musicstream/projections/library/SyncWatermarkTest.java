package io.musicstream.projections.library;

import static io.musicstream.events.library.LibraryItemType.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.projections.library.LibraryFixture.Stored;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Given events, transactions, the projection's token and dead letters, the sync feed's bound. */
class SyncWatermarkTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final LibraryFixture library = new LibraryFixture();
    private final SyncWatermark watermark = library.watermark();

    private Stored save(String userId, String itemId) {
        return library.saved(userId, TRACK, itemId, T0);
    }

    @Test
    void theBoundFollowsWhatTheProjectionHasHandled() {
        Stored first = save("ada", "t1");
        Stored second = save("ada", "t2");
        Stored third = save("ada", "t3");
        watermark.tick();
        assertThat(watermark.lastBound()).as("no token stored yet").isZero();

        library.projectionPassed(second.token());
        library.tickUntil(watermark, second.token());
        library.projectionPassed(third.token());
        library.tickUntil(watermark, third.token());

        assertThat(watermark.currentBound()).isEqualTo(third.token()).isGreaterThan(first.token());
    }

    @Test
    void aCommittedEventTheProjectionSkippedAsAGapHoldsTheBoundBelowIt() {
        Stored first = save("ada", "t1");
        Stored late = save("ada", "t2");
        Stored third = save("ada", "t3");
        library.projectionPassed(third.token(), late.token());

        library.tickUntil(watermark, first.token());
        watermark.tick();
        assertThat(watermark.lastBound()).isEqualTo(first.token());

        library.projectionPassed(third.token());
        library.tickUntil(watermark, third.token());
    }

    @Test
    void aNumberWhoseTransactionRolledBackHoldsNothingBack() throws Exception {
        Stored first = save("ada", "t1");
        long rolledBack;
        try (Connection open = library.db.getConnection()) {
            open.setAutoCommit(false);
            rolledBack = library.append(new JdbcTemplate(new SingleConnectionDataSource(open, true)),
                    new ItemSavedToLibrary("ada", TRACK, "t2", T0, null), T0).token();
            open.rollback();
        }
        Stored third = save("ada", "t3");
        library.projectionPassed(third.token(), rolledBack);

        library.tickUntil(watermark, third.token());

        assertThat(rolledBack).isBetween(first.token(), third.token());
    }

    @Test
    void syncNeverPassesANumberWhoseTransactionMayStillCommit() throws Exception {
        Stored first = save("ada", "t1");
        library.projectionPassed(first.token());
        library.tickUntil(watermark, first.token());
        try (Connection open = library.db.getConnection()) {
            open.setAutoCommit(false);
            Stored late = library.append(new JdbcTemplate(new SingleConnectionDataSource(open, true)),
                    new ItemSavedToLibrary("ada", TRACK, "t2", T0, null), T0);
            Stored third = save("ada", "t3");
            library.projectionPassed(third.token(), late.token());
            for (int i = 0; i < 5; i++) {
                watermark.tick();
                assertThat(watermark.lastBound()).as("the late transaction still runs").isEqualTo(first.token());
            }

            open.commit();
            watermark.tick();
            watermark.tick();
            assertThat(watermark.lastBound()).as("committed, not yet handled").isEqualTo(first.token());

            library.projectionPassed(third.token());
            library.tickUntil(watermark, third.token());
        }
    }

    @Test
    void aUserWithDeadLettersIsHeldJustBelowTheFirstUntilTheyAreResolved() {
        Stored kept = save("ada", "t1");
        Stored dead = save("ada", "t2");
        Stored alsoDead = save("ada", "t3");
        Stored others = save("bo", "t4");
        library.deadLetter(dead);
        library.deadLetter(alsoDead);
        library.projectionPassed(others.token());
        List<String> released = new CopyOnWriteArrayList<>();
        watermark.onAdvance(new SyncWatermark.BoundListener() {
            @Override
            public void boundAdvanced(long from, long to) {
            }

            @Override
            public void holdReleased(String userId) {
                released.add(userId);
            }
        });

        library.tickUntil(watermark, others.token());

        assertThat(watermark.holds()).isEqualTo(Map.of("ada", dead.token()));
        assertThat(watermark.currentBound("ada")).isEqualTo(dead.token() - 1).isGreaterThanOrEqualTo(kept.token());
        assertThat(watermark.lastBound("bo")).isEqualTo(others.token());
        assertThat(released).isEmpty();

        library.resolveDeadLetters();
        watermark.tick();

        assertThat(watermark.holds()).isEmpty();
        assertThat(watermark.lastBound("ada")).isEqualTo(others.token());
        assertThat(released).containsExactly("ada");
    }

    @Test
    void listenersHearEachMoveOfTheBound() {
        List<String> moves = new CopyOnWriteArrayList<>();
        watermark.onAdvance((from, to) -> moves.add(from + "->" + to));
        Stored first = save("ada", "t1");
        library.projectionPassed(first.token());
        library.tickUntil(watermark, first.token());
        watermark.tick();
        Stored second = save("ada", "t2");
        library.projectionPassed(second.token());
        library.tickUntil(watermark, second.token());

        assertThat(moves).containsExactly("0->" + first.token(), first.token() + "->" + second.token());
    }

    @Test
    void aTokenAboveTheLastIssuedIsRefused() {
        Stored save = save("ada", "t1");

        assertThat(watermark.lastIssued()).isEqualTo(save.token());
        watermark.requireIssued("minToken", save.token());
        assertThatThrownBy(() -> watermark.requireIssued("minToken", save.token() + 1))
                .isInstanceOf(UnknownSyncTokenException.class)
                .hasMessage("minToken " + (save.token() + 1) + " was never issued (the latest is " + save.token() + ")");
    }

    @Test
    void theTickingThreadMovesTheBoundWhileSomeoneAsks() {
        Stored save = save("ada", "t1");
        library.projectionPassed(save.token());
        watermark.start();
        try {
            assertThat(watermark.awaitBound(save.token(), Duration.ofSeconds(10))).isTrue();
            assertThat(watermark.sinceLastBeat()).isLessThan(Duration.ofSeconds(5));
        } finally {
            watermark.stop();
        }
        assertThat(watermark.isRunning()).isFalse();
    }
}
