package io.musicstream.infra.playback;

import io.musicstream.command.playback.CountedStreams;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counted streams in {@code counted_stream}, on the connection of the command's transaction. The upsert
 * takes the (user, track) row lock whether or not the row existed, so a second play of the same user and
 * track waits for the first to commit and then reads its start.
 */
@Component
class JdbcCountedStreams implements CountedStreams {

    private final JdbcClient jdbc;

    JdbcCountedStreams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Instant lockLastCounted(String userId, String trackId) {
        Optional<Timestamp> last = jdbc.sql("""
                        insert into counted_stream (user_id, track_id) values (?, ?)
                        on conflict (user_id, track_id) do update set user_id = excluded.user_id
                        returning last_counted_start""")
                .params(userId, trackId)
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1))).single();
        return last.map(Timestamp::toInstant).orElse(null);
    }

    @Override
    public void counted(String userId, String trackId, Instant startedAt) {
        jdbc.sql("""
                        update counted_stream set last_counted_start = greatest(last_counted_start, ?)
                        where user_id = ? and track_id = ?""")
                .params(Timestamp.from(startedAt), userId, trackId)
                .update();
    }
}
