package io.musicstream.projections.listening.me;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes rows no read looks at any more: daily buckets before the short-term range, weekly ones before the
 * medium-term range, and recent plays behind each user's newest {@value ListeningMeProjection#RECENT_KEPT}.
 * Reads filter by the same bounds, so answers are the same whether it ran or not.
 */
@Repository
public class ListeningMeRetention {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ListeningMeRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Users whose recent plays one statement trims. */
    static final int TRIM_USERS = 1_000;

    /** @return how many rows were deleted */
    public int prune() {
        LocalDate today = ListeningWindows.day(clock.instant());
        return jdbc.sql("delete from me_daily_stream where day < ?")
                .param(ListeningWindows.firstShortTermDay(today)).update()
                + jdbc.sql("delete from me_weekly_stream where week < ?")
                .param(ListeningWindows.firstMediumTermWeek(today)).update()
                + trimRecentPlays();
    }

    /**
     * Trims every user's recent plays to their newest {@value ListeningMeProjection#RECENT_KEPT}, a chunk of users
     * at a time in user order, each found by a skip over the primary key.
     */
    int trimRecentPlays() {
        int deleted = 0;
        String after = "";
        while (after != null) {
            List<String> users = jdbc.sql("""
                    with recursive u(user_id) as (
                        (select user_id from me_recent_play where user_id > ? order by user_id limit 1)
                        union all
                        select (select r.user_id from me_recent_play r where r.user_id > u.user_id
                                order by r.user_id limit 1)
                        from u where u.user_id is not null)
                    select user_id from u where user_id is not null limit ?""")
                    .params(after, TRIM_USERS).query(String.class).list();
            if (users.isEmpty()) {
                break;
            }
            deleted += jdbc.sql("""
                    delete from me_recent_play r using (
                        select u.user_id, edge.started_at, edge.play_id from unnest(?::text[]) u(user_id)
                        cross join lateral (
                            select started_at, play_id from me_recent_play p where p.user_id = u.user_id
                            order by started_at desc, play_id desc offset ? limit 1) edge) kept
                    where r.user_id = kept.user_id and (r.started_at, r.play_id) < (kept.started_at, kept.play_id)""")
                    .params(users.toArray(String[]::new), ListeningMeProjection.RECENT_KEPT - 1).update();
            after = users.size() < TRIM_USERS ? null : users.get(users.size() - 1);
        }
        return deleted;
    }
}
