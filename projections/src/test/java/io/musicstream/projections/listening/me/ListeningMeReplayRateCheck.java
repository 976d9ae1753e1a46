package io.musicstream.projections.listening.me;

import io.musicstream.events.playback.EndReason;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A local check, not a test (surefire leaves it out unless named): how many plays per second the projection
 * handles and writes in batches of 1000, replayed from zero, with skewed users and tracks and sessions, next to
 * a plain batched insert of one row per play measured in the same run (the machine's load moves both).
 * <pre>
 * ./mvnw -B -o -pl projections -am test -Dtest=ListeningMeReplayRateCheck -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmusic.check.replay=true [-Dmusic.check.plays=200000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "music.check.replay", matches = "true")
class ListeningMeReplayRateCheck {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final int BATCH = 1_000;

    @Test
    void replayRate() {
        int plays = Integer.getInteger("music.check.plays", 200_000);
        report("a year of history, in time order", plays, Duration.ofDays(365));
        report("all within the last 28 days (every bucket written)", plays, Duration.ofDays(27));
    }

    private static void report(String what, int count, Duration span) {
        ListeningMeFixture me = new ListeningMeFixture(NOW);
        List<TrackPlayed> plays = plays(count, span);
        // warm-up: a first slice, then reset
        deliver(me, plays.subList(0, Math.min(20_000, plays.size())));
        me.driver.reset();
        long start = System.nanoTime();
        deliver(me, plays);
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = me.jdbc.queryForObject("""
                select (select count(*) from me_recent_play) + (select count(*) from me_daily_stream)
                     + (select count(*) from me_weekly_stream) + (select count(*) from me_total_stream)""", Long.class);
        System.out.printf("listening-me replay, %s: %,d plays in %.1f s = %,.0f plays/s (%,d rows)%n", what, count,
                seconds, count / seconds, rows);
        double baseline = rawInsert(me, plays);
        System.out.printf("  same run, raw batched insert of one row per play (no index): %,.0f plays/s; ratio %.2f%n",
                baseline, count / seconds / baseline);
    }

    /** Plays per second of a plain batched insert of each play's recent-play row into an unindexed table. */
    private static double rawInsert(ListeningMeFixture me, List<TrackPlayed> plays) {
        me.jdbc.execute("create table check_raw_play (user_id text, play_id text, track_id text, started_at timestamptz)");
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support
                .TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(me.db));
        long start = System.nanoTime();
        for (int i = 0; i < plays.size(); i += BATCH) {
            List<TrackPlayed> batch = plays.subList(i, Math.min(plays.size(), i + BATCH));
            tx.executeWithoutResult(s -> me.jdbc.update(
                    "insert into check_raw_play select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[])",
                    ps -> {
                        java.sql.Connection c = ps.getConnection();
                        ps.setArray(1, c.createArrayOf("text", batch.stream().map(TrackPlayed::userId).toArray()));
                        ps.setArray(2, c.createArrayOf("text", batch.stream().map(TrackPlayed::playId).toArray()));
                        ps.setArray(3, c.createArrayOf("text", batch.stream().map(TrackPlayed::trackId).toArray()));
                        ps.setArray(4, c.createArrayOf("text",
                                batch.stream().map(p -> p.startedAt().toString()).toArray()));
                    }));
        }
        return plays.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void deliver(ListeningMeFixture me, List<TrackPlayed> plays) {
        for (int i = 0; i < plays.size(); i += BATCH) {
            me.driver.deliver(plays.subList(i, Math.min(plays.size(), i + BATCH)).toArray());
        }
    }

    /**
     * Users by Zipf (20,000 of them), sessions of 5 to 30 consecutive tracks from one album or playlist, tracks by
     * Zipf over 100,000 (10 per release, 1 to 2 artists), a quarter of the plays skipped under 30 s.
     */
    static List<TrackPlayed> plays(int count, Duration span) {
        SplittableRandom random = new SplittableRandom(16);
        List<TrackPlayed> plays = new ArrayList<>(count);
        long spanMs = span.toMillis();
        Instant first = NOW.minus(span);
        while (plays.size() < count) {
            String user = "user-" + zipf(random, 20_000);
            int session = 5 + random.nextInt(26);
            int track = zipf(random, 100_000);
            boolean playlist = random.nextInt(3) == 0;
            PlayContext context = playlist ? new PlayContext(PlayContext.Type.PLAYLIST, "pl-" + zipf(random, 5_000))
                    : new PlayContext(PlayContext.Type.ALBUM, "r-" + track / 10);
            Instant at = first.plusMillis((long) ((double) plays.size() / count * spanMs));
            for (int i = 0; i < session && plays.size() < count; i++) {
                int t = playlist ? zipf(random, 100_000) : track - track % 10 + i % 10;
                boolean skipped = random.nextInt(4) == 0;
                long ms = skipped ? random.nextInt(29_000) : 30_000 + random.nextInt(200_000);
                List<String> artists = t % 7 == 0 ? List.of("ar-" + t / 30, "ar-feat-" + t % 500) : List.of("ar-" + t / 30);
                plays.add(new TrackPlayed("p-" + plays.size(), user, "t-" + t, at, ms, "d1", "SE", "SE",
                        "r-" + t / 10, artists, skipped ? EndReason.SKIPPED : EndReason.TRACK_DONE, context, false,
                        !skipped, 1));
                at = at.plusMillis(Math.max(ms, 1_000));
            }
        }
        return plays;
    }

    /** 1..n, rank r with weight 1/r. */
    private static int zipf(SplittableRandom random, int n) {
        double h = Math.log(n) + 0.5772;
        double u = random.nextDouble() * h;
        return (int) Math.min(n, Math.max(1, Math.round(Math.exp(u - 0.5772))));
    }
}
