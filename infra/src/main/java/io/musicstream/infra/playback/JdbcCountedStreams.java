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
 * Counted streams in {@code counted_stream}, on the connection of the recording transaction. The upsert takes
 * each (user, track) row lock whether or not the row existed, in the order given, so a play of the same user
 * and track in another batch waits for this one to commit and then reads its start.
 */
@Component
class JdbcCountedStreams implements CountedStreams {

    private final JdbcClient jdbc;

    JdbcCountedStreams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UserTrack, Instant> lockLastCounted(Collection<UserTrack> pairs) {
        Map<UserTrack, Instant> last = new HashMap<>();
        jdbc.sql("""
                        insert into counted_stream (user_id, track_id)
                        select * from unnest(?::varchar[], ?::varchar[])
                        on conflict (user_id, track_id) do update set user_id = excluded.user_id
                        returning user_id, track_id, last_counted_start""")
                .params(pairs.stream().map(UserTrack::userId).toArray(String[]::new),
                        pairs.stream().map(UserTrack::trackId).toArray(String[]::new))
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
