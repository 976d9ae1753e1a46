package io.musicstream.infra.playback;

import io.musicstream.command.playback.CountedStreams;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counted streams in {@code counted_stream}, on the connection of the recording transaction. Each (user, track)
 * row is made if missing and locked in key order, so a play of the same user and track in another batch waits
 * for this one to commit and then reads its start.
 */
@Component
class JdbcCountedStreams implements CountedStreams {

    private final JdbcClient jdbc;

    JdbcCountedStreams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UserTrack, Instant> lockLastCounted(Collection<UserTrack> pairs) {
        String[] users = pairs.stream().map(UserTrack::userId).toArray(String[]::new);
        String[] tracks = pairs.stream().map(UserTrack::trackId).toArray(String[]::new);
        // new pairs first (a racing insert of the same pair waits for this one), then every pair locked in key
        // order without writing a row version: the only write is the counted update
        jdbc.sql("""
                        insert into counted_stream (user_id, track_id)
                        select * from unnest(?::varchar[], ?::varchar[]) order by 1, 2
                        on conflict (user_id, track_id) do nothing""")
                .params(users, tracks).update();
        Map<UserTrack, Instant> last = new HashMap<>();
        jdbc.sql("""
                        select c.user_id, c.track_id, c.last_counted_start from counted_stream c
                        where (c.user_id, c.track_id) in (select * from unnest(?::varchar[], ?::varchar[]))
                        order by c.user_id, c.track_id
                        for update of c""")
                .params(users, tracks)
                .query((ResultSet rs) -> {
                    java.sql.Timestamp start = rs.getTimestamp(3);
                    if (start != null) {
                        last.put(new UserTrack(rs.getString(1), rs.getString(2)), start.toInstant());
                    }
                });
        return last;
    }

    @Override
    public void counted(Map<UserTrack, Instant> latestStarts) {
        jdbc.sql("""
                        update counted_stream c set last_counted_start = greatest(c.last_counted_start, v.start)
                        from unnest(?::varchar[], ?::varchar[], ?::text[]::timestamptz[]) as v(user_id, track_id, start)
                        where c.user_id = v.user_id and c.track_id = v.track_id""")
                .params(latestStarts.keySet().stream().map(UserTrack::userId).toArray(String[]::new),
                        latestStarts.keySet().stream().map(UserTrack::trackId).toArray(String[]::new),
                        latestStarts.values().stream().map(Instant::toString).toArray(String[]::new))
                .update();
    }
}
