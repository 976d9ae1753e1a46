package io.musicstream.projections.listening.analytics;

import io.musicstream.projections.listening.Listening;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.common.UnitOfWorkBatch;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams, plays and time played per UTC day, territory, track and release ({@code analytics_track_day}) and
 * per day, territory and artist ({@code analytics_artist_day}), for analysts and BI tools.
 *
 * <p>A batch of events is summed in memory and written as the batch commits with one multi-row upsert per
 * table that adds to the stored sums, in the transaction that stores the processor's token: a redelivered
 * batch was either stored whole with its token or not at all, so sums are exact. {@link #reset()} truncates
 * both tables for a replay from zero.
 *
 * <p>Rows are written in key order, so that writers adding to the same rows lock them in the same order.
 */
@Component
@ProcessingGroup(Listening.TOTALS_PROCESSING_GROUP)
public class StreamAnalyticsProjection {

    /** The territory of plays that counted nowhere known: never a country code. */
    public static final String UNKNOWN_TERRITORY = "XX";
    private static final String BATCH = StreamAnalyticsProjection.class.getName() + ".batch";
    /** Bytes of UTF-8 per id: the ids of a key share an index row of about 2.7 KB. */
    static final int MAX_ID_BYTES = 400;

    private static final String UPSERT_TRACKS = """
            insert into analytics_track_day as t
                (day, territory, track_id, release_id, artist_ids, streams, plays, ms_played)
            select r.day, r.territory, r.track_id, r.release_id, string_to_array(r.artists, chr(31)),
                   r.streams, r.plays, r.ms_played
            from unnest(?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[])
                as r(day, territory, track_id, release_id, artists, streams, plays, ms_played)
            on conflict (day, territory, track_id, release_id) do update set
                artist_ids = excluded.artist_ids, streams = t.streams + excluded.streams,
                plays = t.plays + excluded.plays, ms_played = t.ms_played + excluded.ms_played""";

    private static final String UPSERT_ARTISTS = """
            insert into analytics_artist_day as a (day, territory, artist_id, streams, plays, ms_played)
            select * from unnest(?::date[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[])
            on conflict (day, territory, artist_id) do update set
                streams = a.streams + excluded.streams, plays = a.plays + excluded.plays,
                ms_played = a.ms_played + excluded.ms_played""";

    private final JdbcTemplate jdbc;

    public StreamAnalyticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TrackPlayed play) {
        // checked before buffering: a refusal at the batch's commit would fail the whole batch
        Storable.text("trackId", play.trackId(), MAX_ID_BYTES);
        Storable.present("startedAt", play.startedAt());
        Storable.optionalText("releaseId", play.releaseId(), MAX_ID_BYTES);
        Storable.optionalText("playedIn", play.playedIn(), MAX_ID_BYTES);
        for (String artistId : play.artistIds()) {
            Storable.text("artistIds[]", artistId, MAX_ID_BYTES);
            if (artistId.indexOf('\u001f') >= 0) {
                throw new Storable.UnstorableEventException("artistIds holds a unit separator");
            }
        }
        if (play.msPlayed() < 0) {
            throw new Storable.UnstorableEventException("msPlayed is negative");
        }
        LocalDate day = LocalDate.ofInstant(play.startedAt(), ZoneOffset.UTC);
        String territory = play.playedIn() == null ? UNKNOWN_TERRITORY : play.playedIn();
        Sums sums = new Sums(play.counted() ? 1 : 0, 1, play.msPlayed());
        Batch batch = UnitOfWorkBatch.current(BATCH, Batch::new, this::write);
        batch.tracks.merge(new TrackKey(day, territory, play.trackId(), play.releaseId()),
                new TrackSums(play.artistIds(), sums), TrackSums::plus);
        for (String artistId : play.artistIds().stream().distinct().toList()) {
            batch.artists.merge(new ArtistKey(day, territory, artistId), sums, Sums::plus);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate analytics_track_day, analytics_artist_day");
    }

    private void write(Batch batch) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            writeTracks(connection, batch);
            writeArtists(connection, batch);
            return null;
        });
    }

    private void writeTracks(Connection connection, Batch batch) throws SQLException {
        int n = batch.tracks.size();
        if (n == 0) {
            return;
        }
        Object[] days = new Object[n];
        String[] territories = new String[n];
        String[] tracks = new String[n];
        String[] releases = new String[n];
        String[] artists = new String[n];
        Long[] streams = new Long[n];
        Long[] plays = new Long[n];
        Long[] ms = new Long[n];
        int i = 0;
        for (var entry : batch.tracks.entrySet()) {
            TrackKey key = entry.getKey();
            days[i] = java.sql.Date.valueOf(key.day());
            territories[i] = key.territory();
            tracks[i] = key.trackId();
            releases[i] = key.releaseId();
            artists[i] = String.join("\u001f", entry.getValue().artistIds());
            streams[i] = entry.getValue().sums().streams();
            plays[i] = entry.getValue().sums().plays();
            ms[i] = entry.getValue().sums().msPlayed();
            i++;
        }
        try (var statement = connection.prepareStatement(UPSERT_TRACKS)) {
            Array[] arrays = {connection.createArrayOf("date", days), connection.createArrayOf("text", territories),
                    connection.createArrayOf("text", tracks), connection.createArrayOf("text", releases),
                    connection.createArrayOf("text", artists), connection.createArrayOf("bigint", streams),
                    connection.createArrayOf("bigint", plays), connection.createArrayOf("bigint", ms)};
            for (int p = 0; p < arrays.length; p++) {
                statement.setArray(p + 1, arrays[p]);
            }
            statement.executeUpdate();
        }
    }

    private void writeArtists(Connection connection, Batch batch) throws SQLException {
        int n = batch.artists.size();
        if (n == 0) {
            return;
        }
        Object[] days = new Object[n];
        String[] territories = new String[n];
        String[] artists = new String[n];
        Long[] streams = new Long[n];
        Long[] plays = new Long[n];
        Long[] ms = new Long[n];
        int i = 0;
        for (var entry : batch.artists.entrySet()) {
            days[i] = java.sql.Date.valueOf(entry.getKey().day());
            territories[i] = entry.getKey().territory();
            artists[i] = entry.getKey().artistId();
            streams[i] = entry.getValue().streams();
            plays[i] = entry.getValue().plays();
            ms[i] = entry.getValue().msPlayed();
            i++;
        }
        try (var statement = connection.prepareStatement(UPSERT_ARTISTS)) {
            Array[] arrays = {connection.createArrayOf("date", days), connection.createArrayOf("text", territories),
                    connection.createArrayOf("text", artists), connection.createArrayOf("bigint", streams),
                    connection.createArrayOf("bigint", plays), connection.createArrayOf("bigint", ms)};
            for (int p = 0; p < arrays.length; p++) {
                statement.setArray(p + 1, arrays[p]);
            }
            statement.executeUpdate();
        }
    }

    private record Sums(long streams, long plays, long msPlayed) {
        Sums plus(Sums other) {
            return new Sums(streams + other.streams, plays + other.plays, msPlayed + other.msPlayed);
        }
    }

    /** A track's sums; the artists of the latest play win, as the upsert does across batches. */
    private record TrackSums(List<String> artistIds, Sums sums) {
        TrackSums plus(TrackSums later) {
            return new TrackSums(later.artistIds, sums.plus(later.sums));
        }
    }

    private record TrackKey(LocalDate day, String territory, String trackId, String releaseId)
            implements Comparable<TrackKey> {
        @Override
        public int compareTo(TrackKey o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = territory.compareTo(o.territory);
            }
            if (c == 0) {
                c = trackId.compareTo(o.trackId);
            }
            if (c == 0 && !Objects.equals(releaseId, o.releaseId)) {
                c = releaseId == null ? -1 : o.releaseId == null ? 1 : releaseId.compareTo(o.releaseId);
            }
            return c;
        }
    }

    private record ArtistKey(LocalDate day, String territory, String artistId) implements Comparable<ArtistKey> {
        @Override
        public int compareTo(ArtistKey o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = territory.compareTo(o.territory);
            }
            return c != 0 ? c : artistId.compareTo(o.artistId);
        }
    }

    /** One batch's sums, in key order (see the class comment). */
    private static final class Batch {
        final TreeMap<TrackKey, TrackSums> tracks = new TreeMap<>();
        final TreeMap<ArtistKey, Sums> artists = new TreeMap<>();
    }
}
