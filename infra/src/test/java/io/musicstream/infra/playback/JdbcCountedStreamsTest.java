package io.musicstream.infra.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.playback.CountedStreams.UserTrack;
import io.musicstream.command.playback.StreamCounting;
import io.musicstream.command.playback.StreamRuleHistory;
import io.musicstream.infra.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The counted-streams table against the real PostgreSQL: two plays of one user and track never both count. */
class JdbcCountedStreamsTest extends IntegrationTest {

    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");
    private static final StreamRuleHistory RULES = StreamRuleHistory.initial();

    @Autowired
    JdbcCountedStreams counted;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    /** One play's decision in its own transaction, as the recorder makes it for a batch of one. */
    private boolean record(String userId, String trackId, Instant startedAt, CountDownLatch locked,
                           CountDownLatch release) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            UserTrack pair = new UserTrack(userId, trackId);
            Instant last = counted.lockLastCounted(List.of(pair)).get(pair);
            locked.countDown();
            await(release);
            StreamCounting.Decision decision = StreamCounting.decide(RULES, startedAt, 183_000, last);
            if (decision.counted()) {
                counted.counted(Map.of(pair, startedAt));
            }
            return decision.counted();
        }));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecondPlayWaitsForTheFirstAndIsNotCountedWithinTheWindow() throws Exception {
        String user = "u-" + UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstLocked = new CountDownLatch(1);
            CountDownLatch releaseFirst = new CountDownLatch(1);
            Future<Boolean> first = threads.submit(() -> record(user, "t-1", T, firstLocked, releaseFirst));
            await(firstLocked);
            CountDownLatch secondLocked = new CountDownLatch(1);
            Future<Boolean> second = threads.submit(() -> record(user, "t-1", T.plusSeconds(10), secondLocked,
                    new CountDownLatch(0)));
            assertThat(secondLocked.await(500, TimeUnit.MILLISECONDS)).as("second play blocked by the first")
                    .isFalse();
            releaseFirst.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("select last_counted_start from counted_stream where user_id = ? and track_id = 't-1'")
                .param(user).query((rs, row) -> rs.getTimestamp(1).toInstant()).single()).isEqualTo(T);
    }

    @Test
    void ofManySimultaneousPlaysOfOneTrackExactlyOneCounts() throws Exception {
        String user = "u-" + UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> plays = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Instant startedAt = T.plusSeconds(i);
                plays.add(threads.submit(() -> {
                    await(start);
                    return record(user, "t-1", startedAt, new CountDownLatch(1), new CountDownLatch(0));
                }));
            }
            start.countDown();
            int countedPlays = 0;
            for (Future<Boolean> play : plays) {
                countedPlays += play.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(countedPlays).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRolledBackPlayLeavesNoTrace() {
        String user = "u-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            counted.lockLastCounted(List.of(new UserTrack(user, "t-1")));
            counted.counted(Map.of(new UserTrack(user, "t-1"), T));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from counted_stream where user_id = ?").param(user)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBatchLocksEveryPairAtOnceAndKeepsTheLatestCountedStart() {
        String user = "batch-" + UUID.randomUUID();
        UserTrack one = new UserTrack(user, "t-1");
        UserTrack two = new UserTrack(user, "t-2");
        transactions.executeWithoutResult(status -> {
            assertThat(counted.lockLastCounted(List.of(one, two))).isEmpty();
            counted.counted(Map.of(one, T, two, T.plusSeconds(60)));
        });
        transactions.executeWithoutResult(status -> {
            assertThat(counted.lockLastCounted(List.of(one, two))).containsEntry(one, T)
                    .containsEntry(two, T.plusSeconds(60));
            counted.counted(Map.of(one, T.minusSeconds(600), two, T.plusSeconds(600)));
        });
        transactions.executeWithoutResult(status -> assertThat(counted.lockLastCounted(List.of(one, two)))
                .containsEntry(one, T).containsEntry(two, T.plusSeconds(600)));
    }
}
