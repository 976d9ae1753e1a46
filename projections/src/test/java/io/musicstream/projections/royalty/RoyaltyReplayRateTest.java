package io.musicstream.projections.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.Zipf;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A quick local check of the projection's own cost in a replay: a catalog with shares, then plays in time order
 * with Zipf-skewed tracks, delivered in batches of 2,000 as the processor does. Event reading and
 * deserialization are not included; the benchmark measures the whole processor.
 */
class RoyaltyReplayRateTest {

    private static final int PLAYS = Integer.getInteger("music.royalty.replay-plays", 200_000);
    private static final int BATCH = 2_000;
    private static final int TRACKS = 20_000;
    private static final List<String> TERRITORIES = List.of("SE", "NO", "DK", "FI", "DE", "FR", "GB", "US", "BR", "JP");

    @Test
    void aReplayOfPlaysKeepsWellAheadOfIngest() {
        RoyaltyReadModel model = new RoyaltyReadModel();
        List<Object> releases = new ArrayList<>();
        for (int r = 0; r < TRACKS / 10; r++) {
            TrackSpec[] tracks = new TrackSpec[10];
            for (int t = 0; t < 10; t++) {
                tracks[t] = RoyaltyReadModel.track("track-" + (r * 10 + t), "label-" + r % 50 + ":RECORDING_OWNER:7000",
                        "publisher-" + r % 30 + ":PUBLISHER:3000");
            }
            releases.add(RoyaltyReadModel.release("release-" + r, "2025-12-01T00:00:00Z", tracks));
            if (releases.size() == 200) {
                model.projection.deliver(releases.toArray());
                releases.clear();
            }
        }
        SplittableRandom random = new SplittableRandom(17);
        Zipf zipf = new Zipf(TRACKS, 1.0);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        long stepMs = Duration.ofDays(30).toMillis() / PLAYS;
        PlayContext.Type[] contexts = PlayContext.Type.values();
        TrackPlayed[] batch = new TrackPlayed[BATCH];
        long counted = 0;
        long began = System.nanoTime();
        for (int i = 0; i < PLAYS; i++) {
            int track = zipf.rank(random.nextDouble());
            boolean isCounted = random.nextInt(10) < 8;
            counted += isCounted ? 1 : 0;
            batch[i % BATCH] = new TrackPlayed("p" + i, "user-" + random.nextInt(50_000), "track-" + track,
                    start.plusMillis(i * stepMs), 30_000 + random.nextInt(200_000), null, null,
                    TERRITORIES.get(random.nextInt(TERRITORIES.size())), "release-" + track / 10,
                    List.of("artist-" + track / 50), null,
                    new PlayContext(contexts[random.nextInt(contexts.length)], null), false, isCounted, 2);
            if (i % BATCH == BATCH - 1) {
                model.projection.deliver((Object[]) batch);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double rate = PLAYS / seconds;
        double raw = rawInsertRate(model);
        System.out.printf("royalty usage replay: %d plays in %.2f s = %.0f plays/s (batches of %d, one thread);"
                + " raw batched insert of one row per play, same run: %.0f rows/s; ratio %.2f%n", PLAYS, seconds,
                rate, BATCH, raw, rate / raw);

        assertThat(model.jdbc.queryForObject("select sum(streams) from royalty_usage", Long.class)).isEqualTo(counted);
        assertThat(model.jdbc.queryForObject("select count(*) from royalty_usage where share_version = 0",
                Long.class)).isZero();
    }

    /** The baseline: one row per play into a table without keys, as many rows per transaction, one statement. */
    private static double rawInsertRate(RoyaltyReadModel model) {
        model.jdbc.execute("create table raw_play (period text, territory text, user_id text, track_id text,"
                + " day date, streams bigint)");
        SplittableRandom random = new SplittableRandom(18);
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(model.db));
        long began = System.nanoTime();
        for (int b = 0; b < PLAYS / BATCH; b++) {
            String[] periods = new String[BATCH];
            String[] territories = new String[BATCH];
            String[] users = new String[BATCH];
            String[] tracks = new String[BATCH];
            java.sql.Date[] days = new java.sql.Date[BATCH];
            Long[] streams = new Long[BATCH];
            for (int i = 0; i < BATCH; i++) {
                periods[i] = "2026-01";
                territories[i] = TERRITORIES.get(random.nextInt(TERRITORIES.size()));
                users[i] = "user-" + random.nextInt(50_000);
                tracks[i] = "track-" + random.nextInt(TRACKS);
                days[i] = java.sql.Date.valueOf("2026-01-01");
                streams[i] = 1L;
            }
            transaction.executeWithoutResult(status -> model.jdbc.update("insert into raw_play select * from"
                    + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::bigint[])",
                    periods, territories, users, tracks, days, streams));
        }
        return PLAYS / ((System.nanoTime() - began) / 1e9);
    }
}
