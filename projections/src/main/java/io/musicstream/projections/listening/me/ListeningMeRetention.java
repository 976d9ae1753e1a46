package io.musicstream.projections.listening.me;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes buckets no read looks at any more: daily buckets before the short-term range, weekly ones before the
 * medium-term range. Reads filter by the same bounds, so answers are the same whether it ran or not.
 */
@Repository
public class ListeningMeRetention {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ListeningMeRetention(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return how many daily and weekly buckets were deleted */
    public int prune() {
        LocalDate today = ListeningWindows.day(clock.instant());
        return jdbc.sql("delete from me_daily_stream where day < ?")
                .param(ListeningWindows.firstShortTermDay(today)).update()
                + jdbc.sql("delete from me_weekly_stream where week < ?")
                .param(ListeningWindows.firstMediumTermWeek(today)).update();
    }
}
