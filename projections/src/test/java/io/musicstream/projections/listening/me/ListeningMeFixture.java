package io.musicstream.projections.listening.me;

import io.musicstream.events.playback.EndReason;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.TestServers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A fresh database with the listener's read models, a clock fixed at {@code now}, and plays to deliver. */
final class ListeningMeFixture {

    final DataSource db = TestServers.freshDatabase();
    final JdbcTemplate jdbc = new JdbcTemplate(db);
    final Clock clock;
    final ListeningMeProjection projection;
    final ProjectionDriver driver;
    final ListeningMe reader;
    final ListeningMeRetention retention;

    ListeningMeFixture(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        projection = new ListeningMeProjection(jdbc, clock);
        driver = ProjectionDriver.inTransactions(projection, new DataSourceTransactionManager(db));
        reader = new ListeningMe(JdbcClient.create(jdbc), clock);
        retention = new ListeningMeRetention(JdbcClient.create(jdbc), clock);
    }

    /** A counted full play of {@code trackId} from release {@code releaseId} by {@code artists}. */
    static TrackPlayed counted(String userId, String trackId, String releaseId, List<String> artists, Instant at) {
        return play(userId, trackId, releaseId, artists, at, 180_000, true, null);
    }

    static TrackPlayed play(String userId, String trackId, String releaseId, List<String> artists, Instant at,
                            long msPlayed, boolean counted, PlayContext context) {
        return new TrackPlayed(UUID.randomUUID().toString(), userId, trackId, at, msPlayed, "device-1", "SE", "SE",
                releaseId, artists, EndReason.TRACK_DONE, context, false, counted, 1);
    }

    static TrackPlayed withPlayId(TrackPlayed p, String playId) {
        return new TrackPlayed(playId, p.userId(), p.trackId(), p.startedAt(), p.msPlayed(), p.deviceId(),
                p.territory(), p.playedIn(), p.releaseId(), p.artistIds(), p.endReason(), p.context(), p.offline(),
                p.counted(), p.ruleVersion());
    }

    /**
     * Every row of the read model's tables that a read can show (recent plays behind a user's newest 50 wait for
     * retention), in a fixed order: equal dumps, equal answers.
     */
    List<String> dump() {
        return jdbc.queryForList("""
                select 'recent ' || user_id || ' ' || play_id || ' ' || track_id || ' ' || started_at || ' '
                       || coalesce(context_type, '-') || ' ' || coalesce(context_id, '-') from (
                    select *, row_number() over (partition by user_id order by started_at desc, play_id desc) nth
                    from me_recent_play) shown
                where nth <= 50
                union all
                select 'daily ' || user_id || ' ' || item_type || ' ' || item_id || ' ' || day || ' ' || streams
                       || ' ' || last_played_at from me_daily_stream
                union all
                select 'weekly ' || user_id || ' ' || item_type || ' ' || item_id || ' ' || week || ' ' || streams
                       || ' ' || last_played_at from me_weekly_stream
                union all
                select 'total ' || user_id || ' ' || item_type || ' ' || item_id || ' ' || streams
                       || ' ' || last_played_at from me_total_stream
                order by 1""", String.class);
    }
}
