package io.musicstream.projections.listening.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.Zipf;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A quick local check of the projection's own cost in a replay: plays in time order with Zipf-skewed tracks,
 * delivered in batches of 1,000 as the processor does. Event reading and deserialization are not included;
 * the benchmark measures the whole processor.
 */
class AnalyticsReplayRateTest {

    private static final int PLAYS = Integer.getInteger("music.analytics.replay-plays", 200_000);
    private static final int BATCH = 1_000;
    private static final int TRACKS = 100_000;
    private static final List<String> TERRITORIES = List.of("SE", "NO", "DK", "FI", "DE", "FR", "GB", "US", "BR", "JP");

    @Test
    void aReplayOfPlaysKeepsWellAheadOfIngest() {
        AnalyticsReadModel model = new AnalyticsReadModel();
        SplittableRandom random = new SplittableRandom(16);
        Zipf zipf = new Zipf(TRACKS, 1.0);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        // a month of plays, in time order as a replay reads them
        long stepMs = Duration.ofDays(30).toMillis() / PLAYS;
        TrackPlayed[] batch = new TrackPlayed[BATCH];
        long began = System.nanoTime();
        for (int i = 0; i < PLAYS; i++) {
            int track = zipf.rank(random.nextDouble());
            String trackId = "track-" + track;
            batch[i % BATCH] = new TrackPlayed("p" + i, "user-" + random.nextInt(50_000), trackId,
                    start.plusMillis(i * stepMs), 30_000 + random.nextInt(200_000), null, null,
                    TERRITORIES.get(random.nextInt(TERRITORIES.size())), "release-" + track / 10,
                    List.of("artist-" + track / 50), null, null, false, random.nextInt(10) < 8, 1);
            if (i % BATCH == BATCH - 1) {
                model.projection.deliver((Object[]) batch);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double rate = PLAYS / seconds;
        double raw = rawInsertRate(model);
        System.out.printf("analytics replay: %d plays in %.2f s = %.0f plays/s (batches of %d); raw batched insert"
                + " of one row per play, same run: %.0f rows/s; ratio %.2f%n", PLAYS, seconds, rate, BATCH, raw,
                rate / raw);

        Long plays = model.jdbc.queryForObject("select sum(plays) from analytics_track_day", Long.class);
        assertThat(plays).isEqualTo(PLAYS);
    }

    /**
     * The baseline: one row per play (day, territory, track, release, counted, ms) into a table without keys,
     * the same number of rows per transaction, with the same multi-row statement.
     */
    private static double rawInsertRate(AnalyticsReadModel model) {
        model.jdbc.execute("create table raw_play (day date, territory text, track_id text, release_id text,"
                + " streams bigint, ms_played bigint)");
        SplittableRandom random = new SplittableRandom(17);
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(model.db));
        long began = System.nanoTime();
        for (int b = 0; b < PLAYS / BATCH; b++) {
            java.sql.Date[] days = new java.sql.Date[BATCH];
            String[] territories = new String[BATCH];
            String[] tracks = new String[BATCH];
            String[] releases = new String[BATCH];
            Long[] streams = new Long[BATCH];
            Long[] ms = new Long[BATCH];
            for (int i = 0; i < BATCH; i++) {
                days[i] = java.sql.Date.valueOf("2026-01-01");
                territories[i] = TERRITORIES.get(random.nextInt(TERRITORIES.size()));
                int track = random.nextInt(TRACKS);
                tracks[i] = "track-" + track;
                releases[i] = "release-" + track / 10;
                streams[i] = 1L;
                ms[i] = 30_000L + random.nextInt(200_000);
            }
            transaction.executeWithoutResult(status -> model.jdbc.update("insert into raw_play select * from"
                    + " unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])",
                    days, territories, tracks, releases, streams, ms));
        }
        return PLAYS / ((System.nanoTime() - began) / 1e9);
    }
}
