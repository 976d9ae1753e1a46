package io.musicstream.projections.listening.me;

import io.musicstream.projections.listening.Listening;
import io.musicstream.events.ids.CodePoints;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.common.UnitOfWorkBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The listener's own read models from {@link TrackPlayed}: recently played ({@code me_recent_play}) and counted
 * streams per item in daily, weekly and all-time buckets ({@code me_daily_stream}, {@code me_weekly_stream},
 * {@code me_total_stream}).
 *
 * <p>A batch is summed in memory and written as it commits with one multi-row statement per table, in the
 * transaction that stores the processor's token, so increments are exact under redelivery. A user's plays
 * are one sequence (one segment writes a user's rows), and only counted plays count.
 */
@Component
@ProcessingGroup(Listening.PROCESSING_GROUP)
public class ListeningMeProjection {

    /** Plays at least this long are recent plays, counted or not. */
    static final long RECENT_MIN_MS = 30_000;
    /** Recent plays kept per user. */
    static final int RECENT_KEPT = 50;
    /** Bytes of UTF-8 per id column: user, item and day share an index row of about 2.7 KB. */
    static final int MAX_ID_BYTES = 800;

    static final String TRACK = "track";
    static final String ALBUM = "album";
    static final String ARTIST = "artist";
    static final String PLAYLIST = "playlist";

    private static final String BATCH = ListeningMeProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ListeningMeProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(TrackPlayed play) {
        String userId = Storable.text("userId", play.userId(), MAX_ID_BYTES);
        String trackId = Storable.text("trackId", play.trackId(), MAX_ID_BYTES);
        Instant startedAt = Storable.present("startedAt", play.startedAt());
        if (play.msPlayed() < RECENT_MIN_MS && !play.counted()) {
            return;
        }
        Buffer buffer = batch();
        if (play.msPlayed() >= RECENT_MIN_MS) {
            PlayContext context = play.context();
            buffer.recent.add(new Recent(userId, Storable.text("playId", play.playId(), MAX_ID_BYTES), trackId,
                    startedAt, context == null ? null : context.type().name().toLowerCase(java.util.Locale.ROOT),
                    context == null ? null : Storable.optionalText("context.id", context.id(), MAX_ID_BYTES)));
        }
        if (play.counted()) {
            count(buffer, play, userId, trackId, startedAt);
        }
    }

    private void count(Buffer buffer, TrackPlayed play, String userId, String trackId, Instant startedAt) {
        Set<String> artists = new LinkedHashSet<>();
        for (String artistId : play.artistIds()) {
            artists.add(Storable.text("artistIds", artistId, MAX_ID_BYTES));
        }
        String releaseId = Storable.optionalText("releaseId", play.releaseId(), MAX_ID_BYTES);
        PlayContext context = play.context();
        String playlistId = context != null && context.type() == PlayContext.Type.PLAYLIST && context.id() != null
                ? Storable.text("context.id", context.id(), MAX_ID_BYTES) : null;

        LocalDate today = ListeningWindows.day(clock.instant());
        LocalDate day = ListeningWindows.day(startedAt);
        LocalDate week = ListeningWindows.week(day);
        // buckets no read looks at any more are not written (retention would delete them)
        boolean daily = !day.isBefore(ListeningWindows.firstShortTermDay(today));
        boolean weekly = !week.isBefore(ListeningWindows.firstMediumTermWeek(today));

        buffer.add(buffer.total, new Key(userId, TRACK, trackId, null), startedAt);
        if (weekly) {
            buffer.add(buffer.weekly, new Key(userId, TRACK, trackId, week), startedAt);
        }
        if (daily) {
            buffer.add(buffer.daily, new Key(userId, TRACK, trackId, day), startedAt);
            if (releaseId != null) {
                buffer.add(buffer.daily, new Key(userId, ALBUM, releaseId, day), startedAt);
            }
            if (playlistId != null) {
                buffer.add(buffer.daily, new Key(userId, PLAYLIST, playlistId, day), startedAt);
            }
        }
        for (String artistId : artists) {
            buffer.add(buffer.total, new Key(userId, ARTIST, artistId, null), startedAt);
            if (weekly) {
                buffer.add(buffer.weekly, new Key(userId, ARTIST, artistId, week), startedAt);
            }
            if (daily) {
                buffer.add(buffer.daily, new Key(userId, ARTIST, artistId, day), startedAt);
            }
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate me_recent_play, me_daily_stream, me_weekly_stream, me_total_stream");
    }

    private Buffer batch() {
        return UnitOfWorkBatch.current(BATCH, Buffer::new, this::write);
    }

    private record Recent(String userId, String playId, String trackId, Instant startedAt, String contextType,
                          String contextId) {
    }

    /** A bucket: {@code period} is the day, the week's Monday, or null for all time. */
    private record Key(String userId, String itemType, String itemId, LocalDate period) {
    }

    private static final class Sum {
        long streams;
        Instant lastPlayedAt;
    }

    /** One batch's writes, summed per bucket. */
    private static final class Buffer {
        final List<Recent> recent = new ArrayList<>();
        final Map<Key, Sum> daily = new HashMap<>();
        final Map<Key, Sum> weekly = new HashMap<>();
        final Map<Key, Sum> total = new HashMap<>();

        void add(Map<Key, Sum> buckets, Key key, Instant playedAt) {
            Sum sum = buckets.computeIfAbsent(key, k -> new Sum());
            sum.streams++;
            if (sum.lastPlayedAt == null || playedAt.isAfter(sum.lastPlayedAt)) {
                sum.lastPlayedAt = playedAt;
            }
        }
    }

    private void write(Buffer buffer) {
        writeRecent(buffer.recent);
        writeBuckets("me_daily_stream", "day", buffer.daily);
        writeBuckets("me_weekly_stream", "week", buffer.weekly);
        writeBuckets("me_total_stream", null, buffer.total);
    }

    /**
     * Adds the batch's recent plays, at most the newest {@value #RECENT_KEPT} of each user (the rest could never
     * be shown). Older rows are trimmed by {@link ListeningMeRetention}, off this path: a per-user trim walked 50
     * index entries for every user of every batch.
     */
    private void writeRecent(List<Recent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Recent> recent = newestPerUser(batch);
        int n = recent.size();
        String[] users = new String[n];
        String[] plays = new String[n];
        String[] tracks = new String[n];
        String[] starts = new String[n];
        String[] contextTypes = new String[n];
        String[] contextIds = new String[n];
        for (int i = 0; i < n; i++) {
            Recent r = recent.get(i);
            users[i] = r.userId();
            plays[i] = r.playId();
            tracks[i] = r.trackId();
            starts[i] = r.startedAt().toString();
            contextTypes[i] = r.contextType();
            contextIds[i] = r.contextId();
        }
        jdbc.update("""
                insert into me_recent_play (user_id, play_id, track_id, started_at, context_type, context_id)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                on conflict do nothing""", ps -> {
            Connection c = ps.getConnection();
            ps.setArray(1, c.createArrayOf("text", users));
            ps.setArray(2, c.createArrayOf("text", plays));
            ps.setArray(3, c.createArrayOf("text", tracks));
            ps.setArray(4, c.createArrayOf("text", starts));
            ps.setArray(5, c.createArrayOf("text", contextTypes));
            ps.setArray(6, c.createArrayOf("text", contextIds));
        });
    }

    /** Each user's newest {@value #RECENT_KEPT} of {@code recent}, by start then play id in code point order. */
    private static List<Recent> newestPerUser(List<Recent> recent) {
        Map<String, List<Recent>> byUser = new HashMap<>();
        for (Recent r : recent) {
            byUser.computeIfAbsent(r.userId(), u -> new ArrayList<>()).add(r);
        }
        List<Recent> kept = new ArrayList<>(recent.size());
        for (List<Recent> plays : byUser.values()) {
            if (plays.size() > RECENT_KEPT) {
                plays.sort(java.util.Comparator.comparing(Recent::startedAt)
                        .thenComparing(Recent::playId, CodePoints.ORDER).reversed());
                kept.addAll(plays.subList(0, RECENT_KEPT));
            } else {
                kept.addAll(plays);
            }
        }
        return kept;
    }


    /**
     * Adds the batch's sums to a bucket table in one statement, in key order so that concurrent batches lock
     * rows in the same order.
     */
    private void writeBuckets(String table, String periodColumn, Map<Key, Sum> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Sum>> rows = new ArrayList<>(buckets.entrySet());
        rows.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(Key::userId)
                .thenComparing(Key::itemType).thenComparing(Key::itemId)
                .thenComparing(Key::period, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))));
        int n = rows.size();
        String[] users = new String[n];
        String[] types = new String[n];
        String[] items = new String[n];
        String[] periods = new String[n];
        Long[] streams = new Long[n];
        String[] last = new String[n];
        for (int i = 0; i < n; i++) {
            Key key = rows.get(i).getKey();
            Sum sum = rows.get(i).getValue();
            users[i] = key.userId();
            types[i] = key.itemType();
            items[i] = key.itemId();
            periods[i] = key.period() == null ? null : key.period().toString();
            streams[i] = sum.streams;
            last[i] = sum.lastPlayedAt.toString();
        }
        boolean periodic = periodColumn != null;
        String columns = "user_id, item_type, item_id" + (periodic ? ", " + periodColumn : "");
        String sql = "insert into " + table + " (" + columns + ", streams, last_played_at)"
                + " select * from unnest(?::text[], ?::text[], ?::text[]" + (periodic ? ", ?::date[]" : "")
                + ", ?::bigint[], ?::timestamptz[])"
                + " on conflict (" + columns + ") do update set streams = " + table + ".streams + excluded.streams,"
                + " last_played_at = greatest(" + table + ".last_played_at, excluded.last_played_at)";
        jdbc.update(sql, ps -> {
            int i = bind(ps, 1, users);
            i = bind(ps, i, types);
            i = bind(ps, i, items);
            if (periodic) {
                i = bind(ps, i, periods);
            }
            ps.setArray(i++, ps.getConnection().createArrayOf("bigint", streams));
            bind(ps, i, last);
        });
    }

    private static int bind(PreparedStatement ps, int index, String[] values) throws SQLException {
        ps.setArray(index, ps.getConnection().createArrayOf("text", values));
        return index + 1;
    }
}
