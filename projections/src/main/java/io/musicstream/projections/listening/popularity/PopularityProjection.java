package io.musicstream.projections.listening.popularity;

import io.musicstream.projections.listening.Listening;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.common.UnitOfWorkBatch;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counted streams per item and UTC day, counted streams ever, and the last day each user streamed each artist,
 * for {@link PopularityJob}. A batch of plays is summed in memory and written as the batch commits, one
 * statement per table, in the transaction that stores the processor's token: increments are exact under
 * redelivery, and a replay starts from the tables {@link #reset()} truncates.
 */
@Component
@ProcessingGroup(Listening.TOTALS_PROCESSING_GROUP)
public class PopularityProjection {

    /** Ids are at most 100 characters at the write boundary; a key of two stays well inside a btree row. */
    static final int MAX_ID_BYTES = 1_000;
    private static final String BATCH = PopularityProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    PopularityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TrackPlayed play) {
        if (!play.counted()) {
            return;
        }
        String trackId = Storable.text("trackId", play.trackId(), MAX_ID_BYTES);
        String userId = Storable.text("userId", play.userId(), MAX_ID_BYTES);
        String releaseId = Storable.optionalText("releaseId", play.releaseId(), MAX_ID_BYTES);
        LocalDate day = LocalDate.ofInstant(Storable.present("startedAt", play.startedAt()), ZoneOffset.UTC);
        for (String artistId : play.artistIds()) {
            Storable.text("artistIds", artistId, MAX_ID_BYTES);
        }
        Batch batch = UnitOfWorkBatch.current(BATCH, Batch::new, this::write);
        batch.stream(Kind.TRACK, trackId, day);
        if (releaseId != null) {
            batch.stream(Kind.ALBUM, releaseId, day);
        }
        play.artistIds().stream().distinct().forEach(artistId -> {
            batch.stream(Kind.ARTIST, artistId, day);
            batch.listener(artistId, userId, day);
        });
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate popularity_streams, popularity_listener, popularity_total, popularity");
    }

    /** One batch's sums, sorted by key so that concurrent writers lock shared rows in the same order. */
    private static final class Batch {
        final Map<StreamKey, Long> streams = new TreeMap<>();
        final Map<ListenerKey, LocalDate> listeners = new TreeMap<>();

        void stream(Kind kind, String itemId, LocalDate day) {
            streams.merge(new StreamKey(kind.column, itemId, day), 1L, Long::sum);
        }

        void listener(String artistId, String userId, LocalDate day) {
            listeners.merge(new ListenerKey(artistId, userId), day, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private record StreamKey(String kind, String itemId, LocalDate day) implements Comparable<StreamKey> {
        @Override
        public int compareTo(StreamKey o) {
            int c = kind.compareTo(o.kind);
            c = c != 0 ? c : itemId.compareTo(o.itemId);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    private record ItemKey(String kind, String itemId) implements Comparable<ItemKey> {
        @Override
        public int compareTo(ItemKey o) {
            int c = kind.compareTo(o.kind);
            return c != 0 ? c : itemId.compareTo(o.itemId);
        }
    }

    private record ListenerKey(String artistId, String userId) implements Comparable<ListenerKey> {
        @Override
        public int compareTo(ListenerKey o) {
            int c = artistId.compareTo(o.artistId);
            return c != 0 ? c : userId.compareTo(o.userId);
        }
    }

    private void write(Batch batch) {
        if (batch.streams.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            writeTotals(connection, batch);
            writeStreams(connection, batch);
            writeListeners(connection, batch);
            return null;
        });
    }

    private void writeStreams(Connection connection, Batch batch) throws SQLException {
        int n = batch.streams.size();
        String[] kinds = new String[n];
        String[] ids = new String[n];
        Date[] days = new Date[n];
        Long[] counts = new Long[n];
        int i = 0;
        for (Map.Entry<StreamKey, Long> e : batch.streams.entrySet()) {
            kinds[i] = e.getKey().kind();
            ids[i] = e.getKey().itemId();
            days[i] = Date.valueOf(e.getKey().day());
            counts[i++] = e.getValue();
        }
        Array kindArray = connection.createArrayOf("text", kinds);
        Array idArray = connection.createArrayOf("text", ids);
        Array countArray = connection.createArrayOf("bigint", counts);
        jdbc.update("""
                        insert into popularity_streams as s (kind, item_id, day, streams)
                        select * from unnest(?::text[], ?::text[], ?::date[], ?::bigint[])
                        on conflict (kind, item_id, day) do update set streams = s.streams + excluded.streams""",
                kindArray, idArray, connection.createArrayOf("date", days), countArray);
    }

    /**
     * Adds to each item's streams ever, in key order, before anything else of the batch: the job locks these rows
     * first too, so neither holds a row the other waits for while it waits.
     */
    private void writeTotals(Connection connection, Batch batch) throws SQLException {
        Map<ItemKey, Long> totals = new TreeMap<>();
        batch.streams.forEach((k, v) -> totals.merge(new ItemKey(k.kind(), k.itemId()), v, Long::sum));
        String[] totalKinds = new String[totals.size()];
        String[] totalIds = new String[totals.size()];
        Long[] totalCounts = new Long[totals.size()];
        int i = 0;
        for (Map.Entry<ItemKey, Long> e : totals.entrySet()) {
            totalKinds[i] = e.getKey().kind();
            totalIds[i] = e.getKey().itemId();
            totalCounts[i++] = e.getValue();
        }
        jdbc.update("""
                        insert into popularity_total as t (kind, item_id, streams_total)
                        select * from unnest(?::text[], ?::text[], ?::bigint[])
                        on conflict (kind, item_id) do update set streams_total = t.streams_total + excluded.streams_total""",
                connection.createArrayOf("text", totalKinds), connection.createArrayOf("text", totalIds),
                connection.createArrayOf("bigint", totalCounts));
    }

    private void writeListeners(Connection connection, Batch batch) throws SQLException {
        if (batch.listeners.isEmpty()) {
            return;
        }
        int n = batch.listeners.size();
        String[] artists = new String[n];
        String[] users = new String[n];
        Date[] days = new Date[n];
        int i = 0;
        for (Map.Entry<ListenerKey, LocalDate> e : batch.listeners.entrySet()) {
            artists[i] = e.getKey().artistId();
            users[i] = e.getKey().userId();
            days[i++] = Date.valueOf(e.getValue());
        }
        // only a later day is written, so most repeat listens of a day cost no row version
        jdbc.update("""
                        insert into popularity_listener as l (artist_id, user_id, last_day)
                        select * from unnest(?::text[], ?::text[], ?::date[])
                        on conflict (artist_id, user_id) do update set last_day = excluded.last_day
                        where excluded.last_day > l.last_day""",
                connection.createArrayOf("text", artists), connection.createArrayOf("text", users),
                connection.createArrayOf("date", days));
    }
}
