package io.musicstream.projections.listening.analytics;

import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.Rows;
import io.musicstream.projections.TestServers;
import java.sql.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The analytics read model on a fresh database: its projection, its reader, its rows, and plays to give it. */
final class AnalyticsReadModel {

    final DataSource db;
    final JdbcTemplate jdbc;
    final ProjectionDriver projection;
    final StreamAnalytics analytics;

    AnalyticsReadModel() {
        db = TestServers.freshDatabase();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        jdbc = new JdbcTemplate(db);
        projection = ProjectionDriver.inTransactions(new StreamAnalyticsProjection(jdbc), transactions);
        analytics = new StreamAnalytics(db, transactions);
    }

    /** A counted play of 200 s in SE on release r1 by artist a1, unless changed with the withers below. */
    static Play play(String trackId, String startedAt) {
        return new Play(UUID.randomUUID().toString(), "listener", trackId, Instant.parse(startedAt), 200_000, "SE",
                "r1", List.of("a1"), true);
    }

    record Play(String playId, String userId, String trackId, Instant startedAt, long msPlayed, String playedIn,
                String releaseId, List<String> artistIds, boolean counted) {
        Play notCounted(long ms) {
            return new Play(playId, userId, trackId, startedAt, ms, playedIn, releaseId, artistIds, false);
        }

        Play in(String territory) {
            return new Play(playId, userId, trackId, startedAt, msPlayed, territory, releaseId, artistIds, counted);
        }

        Play on(String release, String... artists) {
            return new Play(playId, userId, trackId, startedAt, msPlayed, playedIn, release, List.of(artists), counted);
        }

        Play by(String user) {
            return new Play(playId, user, trackId, startedAt, msPlayed, playedIn, releaseId, artistIds, counted);
        }

        TrackPlayed event() {
            return new TrackPlayed(playId, userId, trackId, startedAt, msPlayed, "phone", playedIn, playedIn,
                    releaseId, artistIds, null, null, false, counted, 1);
        }
    }

    /** Delivers the plays as one batch. */
    void deliver(Play... plays) {
        projection.deliver((Object[]) events(plays));
    }

    /** Delivers each play as a batch of its own. */
    void deliverEach(Play... plays) {
        projection.deliverEach((Object[]) events(plays));
    }

    private static Object[] events(Play... plays) {
        return java.util.Arrays.stream(plays).map(Play::event).toArray();
    }

    /** Names in the catalog's browse tables, as the catalog projection would have them. */
    void catalog(String trackId, String title, String releaseId, String releaseTitle, String artistId, String name) {
        jdbc.update("insert into browse_artist (artist_id, name, registered_at) values (?, ?, now())"
                + " on conflict do nothing", artistId, name);
        jdbc.update("""
                insert into browse_release (release_id, upc, title, release_type, artist_ids, ingested_at)
                values (?, '0', ?, 'ALBUM', array[?], now()) on conflict do nothing""", releaseId, releaseTitle,
                artistId);
        jdbc.update("""
                insert into browse_track (track_id, release_id, isrc, title, duration_ms, disc_number, track_number,
                                          explicit, artist_ids, territories)
                values (?, ?, 'QZ0000000000', ?, 200000, 1, 1, false, array[?], array['WW'])""", trackId,
                releaseId, title, artistId);
    }

    List<StreamAnalytics.Row> page(StreamAnalytics.GroupBy by, String from, String to, String territory) {
        return analytics.page(query(by, from, to, territory), 1000, 0);
    }

    List<StreamAnalytics.Row> streamed(StreamAnalytics.GroupBy by, String from, String to, String territory) {
        List<StreamAnalytics.Row> rows = new ArrayList<>();
        analytics.each(query(by, from, to, territory), rows::add);
        return rows;
    }

    static StreamAnalytics.Query query(StreamAnalytics.GroupBy by, String from, String to, String territory) {
        return new StreamAnalytics.Query(by, LocalDate.parse(from), LocalDate.parse(to), territory);
    }

    /** Every row of both tables in key order, arrays as lists. */
    Map<String, List<Map<String, Object>>> rows() {
        return Map.of(
                "tracks", table("select * from analytics_track_day order by day, territory, track_id, release_id"),
                "artists", table("select * from analytics_artist_day order by day, territory, artist_id"));
    }

    List<Map<String, Object>> table(String sql) {
        return jdbc.query(sql, Rows::row);
    }
}
