package io.musicstream.projections.royalty;

import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.Rows;
import io.musicstream.projections.TestServers;
import java.sql.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The royalty usage read model on a fresh database: its projection, its reader, its rows, and events to give it. */
final class RoyaltyReadModel {

    final DataSource db;
    final JdbcTemplate jdbc;
    final ProjectionDriver projection;
    final RoyaltyUsages usages;

    RoyaltyReadModel() {
        db = TestServers.freshDatabase();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        jdbc = new JdbcTemplate(db);
        projection = ProjectionDriver.inTransactions(new RoyaltyUsageProjection(jdbc),
                transactions);
        usages = new RoyaltyUsages(db, transactions);
    }

    /** A counted play of 200 s by u1 in SE from an album, by artist a1, unless changed with the withers below. */
    static Play play(String trackId, String startedAt) {
        return new Play(UUID.randomUUID().toString(), "u1", trackId, Instant.parse(startedAt), "SE", List.of("a1"),
                new PlayContext(PlayContext.Type.ALBUM, "r1"), true);
    }

    record Play(String playId, String userId, String trackId, Instant startedAt, String playedIn,
                List<String> artistIds, PlayContext context, boolean counted) {
        Play notCounted() {
            return new Play(playId, userId, trackId, startedAt, playedIn, artistIds, context, false);
        }

        Play in(String territory) {
            return new Play(playId, userId, trackId, startedAt, territory, artistIds, context, counted);
        }

        Play by(String user) {
            return new Play(playId, user, trackId, startedAt, playedIn, artistIds, context, counted);
        }

        Play of(String... artists) {
            return new Play(playId, userId, trackId, startedAt, playedIn, List.of(artists), context, counted);
        }

        Play from(PlayContext.Type type) {
            return new Play(playId, userId, trackId, startedAt, playedIn, artistIds,
                    type == null ? null : new PlayContext(type, null), counted);
        }

        TrackPlayed event() {
            return new TrackPlayed(playId, userId, trackId, startedAt, 200_000, "phone", playedIn, playedIn, "r1",
                    artistIds, null, context, false, counted, 2);
        }
    }

    /** A track of artist a1 held by {@code holders}, each "party:ROLE:basisPoints". */
    static TrackSpec track(String trackId, String... holders) {
        List<RightsShare> shares = new ArrayList<>();
        for (String holder : holders) {
            String[] parts = holder.split(":");
            shares.add(new RightsShare(parts[0], parts[0].toUpperCase(), RightsRole.valueOf(parts[1]),
                    Integer.parseInt(parts[2])));
        }
        return new TrackSpec(trackId, "QZ" + trackId, "Title " + trackId, 200_000, 1, 1, false, List.of("a1"), null,
                List.of("WW"), shares);
    }

    static ReleaseIngested release(String releaseId, String at, TrackSpec... tracks) {
        return new ReleaseIngested(releaseId, "0000000000000", "Release", ReleaseType.ALBUM, List.of("a1"), "Label",
                LocalDate.of(2026, 1, 1), List.of("pop"), null, List.of(tracks), Instant.parse(at));
    }

    static TrackMetadataUpdated updated(String releaseId, String at, TrackSpec track) {
        return new TrackMetadataUpdated(releaseId, track, Instant.parse(at));
    }

    static TrackAddedToRelease added(String releaseId, String at, TrackSpec track) {
        return new TrackAddedToRelease(releaseId, track, Instant.parse(at));
    }

    /** Delivers the events (plays as their {@link TrackPlayed}) as one batch. */
    void deliver(Object... events) {
        projection.deliver(events(events));
    }

    /** Delivers each event as a batch of its own. */
    void deliverEach(Object... events) {
        projection.deliverEach(events(events));
    }

    private static Object[] events(Object... events) {
        return java.util.Arrays.stream(events).map(e -> e instanceof Play play ? play.event() : e).toArray();
    }

    List<RoyaltyUsages.Usage> usages(String period, String territory, String tier) {
        List<RoyaltyUsages.Usage> all = new ArrayList<>();
        usages.usages(YearMonth.parse(period), territory, tier, all::add);
        return all;
    }

    List<RoyaltyUsages.TrackStreams> trailing(String period) {
        List<RoyaltyUsages.TrackStreams> all = new ArrayList<>();
        usages.trailingTrackStreams(YearMonth.parse(period), all::add);
        return all;
    }

    List<RoyaltyUsages.ArtistStreams> artists(String period) {
        List<RoyaltyUsages.ArtistStreams> all = new ArrayList<>();
        usages.artistStreams(YearMonth.parse(period), all::add);
        return all;
    }

    /** Every row of every table in key order, arrays as lists. */
    Map<String, List<Map<String, Object>>> rows() {
        return Map.of(
                "shares", table("select * from royalty_track_share order by track_id, version"),
                "usage", table("select * from royalty_usage order by period, territory, tier, user_id, track_id,"
                        + " share_version, day, sought_out, settled_in"),
                "tracks", table("select * from royalty_track_period order by period, track_id, settled_in"),
                "artists", table("select * from royalty_artist_listener order by period, artist_id, user_id,"
                        + " settled_in"),
                "pools", table("select * from royalty_period_pool order by period, territory, tier"),
                "closed", table("select * from royalty_closed_period order by period"),
                "late", table("select * from royalty_late_settlement order by settled_in, period"));
    }

    List<Map<String, Object>> table(String sql) {
        return jdbc.query(sql, Rows::row);
    }

    /** {@code event} as a processor hands it over: with the token of its global index. */
    static Object at(long globalIndex, Object event) {
        Object payload = event instanceof Play play ? play.event() : event;
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(globalIndex),
                GenericEventMessage.asEventMessage(payload));
    }

    static RoyaltyPeriodClosed closed(String period) {
        return new RoyaltyPeriodClosed(period, 1, Instant.parse("2027-01-05T00:00:00Z"), "admin");
    }

    /** The usage rows as "period settledIn user track day streams" in key order. */
    List<String> settledLines() {
        return jdbc.query("select * from royalty_usage order by period, settled_in, user_id, track_id, day",
                (rs, i) -> String.join(" ", rs.getString("period"), rs.getString("settled_in"),
                        rs.getString("user_id"), rs.getString("track_id"), rs.getString("day"),
                        String.valueOf(rs.getLong("streams"))));
    }

    /** The usage rows as "user track version day soughtOut streams" in key order. */
    List<String> usageLines() {
        return jdbc.query("select * from royalty_usage order by period, territory, tier, user_id, track_id,"
                        + " share_version, day, sought_out",
                (rs, i) -> String.join(" ", rs.getString("period"), rs.getString("territory"), rs.getString("tier"),
                        rs.getString("user_id"), rs.getString("track_id"), "v" + rs.getInt("share_version"),
                        rs.getString("day"), rs.getBoolean("sought_out") ? "sought" : "-",
                        String.valueOf(rs.getLong("streams"))));
    }
}
