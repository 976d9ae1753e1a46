package io.musicstream.projections.listening.charts;

import io.musicstream.projections.listening.Listening;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.common.UnitOfWorkBatch;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counted streams per UTC day of {@code startedAt}, track and territory ({@code chart_stream}), the counts the
 * charts are built from. A batch is summed in memory and written with one upsert as it commits, in the
 * transaction that stores the processor's token, so a retried batch counts once.
 */
@Component
@ProcessingGroup(Listening.TOTALS_PROCESSING_GROUP)
public class ChartStreamsProjection {

    /** The territory of plays that name none: counted worldwide, in no territory's chart. */
    static final String UNKNOWN_TERRITORY = "XX";
    /** The worldwide chart's territory in the chart tables. */
    static final String WORLDWIDE = "WW";
    /** UTF-8 bytes of a track id: it shares a primary-key row of about 2.7 KB. */
    static final int MAX_TEXT_BYTES = 800;
    private static final Pattern TERRITORY = Pattern.compile("[A-Z]{2}");
    private static final String BATCH = ChartStreamsProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    public ChartStreamsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TrackPlayed play) {
        if (!play.counted()) {
            return;
        }
        String trackId = Storable.text("trackId", play.trackId(), MAX_TEXT_BYTES);
        LocalDate day = LocalDate.ofInstant(Storable.present("startedAt", play.startedAt()), ZoneOffset.UTC);
        // PostgreSQL's date and the reads' ISO dates end here; the write boundary keeps starts near now
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new Storable.UnstorableEventException("startedAt " + play.startedAt() + " is out of range");
        }
        batch().add(new Key(day, trackId, territory(play.playedIn())));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate chart_stream, chart_period, chart_entry, chart_trending");
    }

    /** The play's territory, or {@link #UNKNOWN_TERRITORY} when it names none a chart can be for. */
    static String territory(String playedIn) {
        return playedIn != null && TERRITORY.matcher(playedIn).matches() && !playedIn.equals(WORLDWIDE)
                ? playedIn : UNKNOWN_TERRITORY;
    }

    private Batch batch() {
        return UnitOfWorkBatch.current(BATCH, Batch::new, this::write);
    }

    private void write(Batch batch) {
        if (batch.counts.isEmpty()) {
            return;
        }
        // in key order, so concurrent batches lock rows in one order
        var keys = batch.counts.keySet().stream().sorted().toList();
        int n = keys.size();
        String[] days = new String[n];
        String[] tracks = new String[n];
        String[] territories = new String[n];
        long[] streams = new long[n];
        for (int i = 0; i < n; i++) {
            Key key = keys.get(i);
            days[i] = key.day().toString();
            tracks[i] = key.trackId();
            territories[i] = key.territory();
            streams[i] = batch.counts.get(key);
        }
        jdbc.update("""
                insert into chart_stream (day, track_id, territory, streams)
                select cast(d as date), t, r, s
                from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as bigint[])) as u(d, t, r, s)
                on conflict (day, track_id, territory) do update set streams = chart_stream.streams + excluded.streams""",
                days, tracks, territories, streams);
    }

    private record Key(LocalDate day, String trackId, String territory) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = trackId.compareTo(o.trackId);
            }
            return c != 0 ? c : territory.compareTo(o.territory);
        }
    }

    private static final class Batch {
        private final Map<Key, Long> counts = new HashMap<>();

        void add(Key key) {
            counts.merge(key, 1L, Long::sum);
        }
    }
}
