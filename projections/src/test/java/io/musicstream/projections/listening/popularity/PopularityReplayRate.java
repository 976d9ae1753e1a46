package io.musicstream.projections.listening.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.playback.TrackPlayed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A quick local check of the projection's replay rate (not part of the suite: run it with
 * {@code -Dtest=PopularityReplayRate}): Zipf-skewed counted plays over 28 days, in batches of 1,000 on two
 * threads as the processor's two segments run them. It measures the projection's writes only, not reading and
 * deserializing the events from the store. The target is 50,000 plays/s.
 */
class PopularityReplayRate {

    private static final int PLAYS = Integer.getInteger("plays", 400_000);
    private static final int TRACKS = 100_000;
    private static final int USERS = 50_000;
    private static final int BATCH = 1_000;

    @Test
    void printsTheReplayRateOfSkewedPlays() throws Exception {
        PopularityReadModel model = new PopularityReadModel();
        List<Object[]> batches = batches();
        ExecutorService segments = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int segment = 0; segment < 2; segment++) {
            int first = segment;
            done.add(segments.submit(() -> {
                for (int i = first; i < batches.size(); i += 2) {
                    model.deliver(batches.get(i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        segments.shutdown();
        double rate = PLAYS / seconds;
        System.out.printf("popularity projection: %d plays in %.1f s = %.0f plays/s%n", PLAYS, seconds, rate);
        long jobStart = System.nanoTime();
        PopularityJob.Run run = model.at(Instant.parse("2026-12-07T12:00:00Z")).runJob();
        System.out.printf("popularity job: %d items computed, %d sent, in %.1f s%n", run.computed(), run.sentToIndex(),
                (System.nanoTime() - jobStart) / 1e9);
        assertThat(model.jdbc.sql("select sum(streams_total) from popularity_total where kind = 'track'").query(Long.class)
                .single()).isEqualTo(PLAYS);
    }

    private static List<Object[]> batches() {
        Random random = new Random(16);
        double[] cumulative = new double[TRACKS];
        double sum = 0;
        for (int i = 0; i < TRACKS; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        Instant from = Instant.parse("2026-11-10T00:00:00Z");
        List<Object[]> batches = new ArrayList<>();
        Object[] batch = new Object[BATCH];
        for (int n = 0; n < PLAYS; n++) {
            double x = random.nextDouble() * sum;
            int track = java.util.Arrays.binarySearch(cumulative, x);
            track = track < 0 ? -track - 1 : track;
            String trackId = "track-" + track;
            batch[n % BATCH] = new TrackPlayed("p" + n, "user-" + random.nextInt(USERS), trackId,
                    from.plusSeconds(n * (28L * 86_400 / PLAYS)), 180_000, null, "SE", "SE", "release-" + track / 10,
                    List.of("artist-" + track / 50), null, null, false, true, 2);
            if (n % BATCH == BATCH - 1) {
                batches.add(batch);
                batch = new Object[BATCH];
            }
        }
        return batches;
    }
}
