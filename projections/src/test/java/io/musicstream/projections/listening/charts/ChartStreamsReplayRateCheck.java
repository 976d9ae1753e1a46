package io.musicstream.projections.listening.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.projections.Zipf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A quick local check of how fast the counting projection replays: serialized plays (Zipf over 100,000
 * tracks, 60 territories, 30 days) deserialized and handled in batches of 1,000, each batch one transaction
 * as the processor runs it, on pooled connections. Leaves out the event store read. Prints the rates; run with
 * {@code -Dcharts.replay-check=true}.
 */
@EnabledIfSystemProperty(named = "charts.replay-check", matches = "true")
class ChartStreamsReplayRateCheck {

    private static final int EVENTS = Integer.getInteger("charts.replay-check.events", 200_000);
    private static final int BATCH = 1_000;

    @Test
    void printsTheReplayRateOfTheCounts() throws Exception {
        ChartsFixture f = new ChartsFixture(true);
        ObjectMapper json = EventJson.objectMapper();
        Random random = new Random(16);
        Zipf zipf = new Zipf(100_000, 1.0);
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        List<byte[]> stored = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            String track = "track-" + zipf.rank(random.nextDouble());
            String territory = random.nextInt(20) == 0 ? null : String.format("%c%c", 'A' + random.nextInt(6),
                    'A' + random.nextInt(10));
            TrackPlayed play = ChartsFixture.play(track, territory,
                    start.plusSeconds((long) i * 30 * 86_400 / EVENTS));
            stored.add(json.writeValueAsBytes(play));
        }

        long began = System.nanoTime();
        long reading = 0;
        for (int i = 0; i < EVENTS; i += BATCH) {
            long read = System.nanoTime();
            Object[] batch = new Object[Math.min(BATCH, EVENTS - i)];
            for (int j = 0; j < batch.length; j++) {
                batch[j] = json.readValue(stored.get(i + j), TrackPlayed.class);
            }
            reading += System.nanoTime() - read;
            f.deliver(batch);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long empty = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            f.deliver(ChartsFixture.uncounted("t", "SE", start));
        }
        double emptyBatch = (System.nanoTime() - empty) / 1e9 / 100;
        double counting = seconds - reading / 1e9 - emptyBatch * (EVENTS / BATCH);
        System.out.printf("charts replay check: deserializing %.1f s (%,.0f plays/s); a batch without writes %.1f ms;"
                + " handling and writing %.1f s (%,.0f plays/s); load average %.1f%n", reading / 1e9,
                EVENTS / (reading / 1e9), emptyBatch * 1e3, counting, EVENTS / counting,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double rate = EVENTS / seconds;
        System.out.printf("charts replay check: %.1f s in all%n", seconds);
        System.out.printf("charts replay check: %,d plays in %.1f s = %,.0f plays/s, %,d rows%n", EVENTS, seconds,
                rate, f.client.sql("select count(*) from chart_stream").query(Long.class).single());
        assertThat(f.client.sql("select sum(streams) from chart_stream").query(Long.class).single())
                .isEqualTo((long) EVENTS);
    }
}
