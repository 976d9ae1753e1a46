package io.musicstream.projections.listening.popularity;

import static io.musicstream.projections.listening.popularity.Plays.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Popularity and monthly listeners as the job computes them from the streams of the last 28 UTC days (today is
 * 2026-12-07, so the window starts on 2026-11-10): the scale, the decay, the window's edge, only changed items
 * recomputed and sent to the index, and a replay giving the same answers.
 */
class PopularityJobTest {

    private static final String TODAY = "2026-12-07T08:00:00Z";
    private PopularityReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new PopularityReadModel().at(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void theMostStreamedItemOfAKindIs100AndOthersFollowOnALogScale() {
        List<Object> plays = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            plays.add(stream("u" + i, "hit", TODAY, "star"));
        }
        for (int i = 0; i < 9; i++) {
            plays.add(stream("u" + i, "deep-cut", TODAY, "niche"));
        }
        plays.add(stream("u0", "rarity", TODAY, "niche"));
        model.deliver(plays.toArray());

        model.runJob();

        assertThat(model.popularity("track", "hit")).isEqualTo(100);
        assertThat(model.popularity("track", "deep-cut")).isEqualTo(50); // ln(10) / ln(100)
        assertThat(model.popularity("track", "rarity")).isEqualTo(15);  // ln(2) / ln(100)
        assertThat(model.popularity("album", "r-hit")).isEqualTo(100);
        assertThat(model.popularity("artist", "star")).isEqualTo(100);
        assertThat(model.popularity("artist", "niche")).isEqualTo(52); // ln(11) / ln(100)
        assertThat(model.item("artist", "star")).containsEntry("monthly_listeners", 99L).containsEntry("streams_28d", 99L);
        assertThat(model.item("artist", "niche")).containsEntry("monthly_listeners", 9L);
    }

    @Test
    void aStreamLosesHalfItsWeightInAWeek() {
        model.deliver(stream("ann", "fresh", TODAY), stream("ann", "week-old", "2026-11-30T08:00:00Z"),
                stream("bob", "week-old", "2026-11-30T09:00:00Z"), stream("ann", "two-weeks-old", "2026-11-23T08:00:00Z"));

        model.runJob();

        assertThat((Double) model.item("track", "fresh").get("score")).isCloseTo(1.0, within(1e-9));
        assertThat((Double) model.item("track", "week-old").get("score")).isCloseTo(1.0, within(1e-9));
        assertThat((Double) model.item("track", "two-weeks-old").get("score")).isCloseTo(0.25, within(1e-9));
        assertThat(model.popularity("track", "fresh")).isEqualTo(model.popularity("track", "week-old")).isEqualTo(100);
        assertThat(model.popularity("track", "two-weeks-old")).isEqualTo(32); // ln(1.25) / ln(2)
    }

    @Test
    void theWindowHolds28UtcDaysEndingToday() {
        model.deliver(stream("ann", "edge", "2026-11-10T00:00:00Z", "a-edge"),
                stream("bob", "gone", "2026-11-09T23:59:59Z", "a-gone"),
                stream("ann", "ahead", "2026-12-08T00:01:00Z"));

        model.runJob();

        assertThat((Double) model.item("track", "edge").get("score")).isCloseTo(Math.pow(0.5, 27 / 7.0), within(1e-9));
        assertThat(model.popularity("track", "edge")).isPositive();
        assertThat(model.item("track", "gone")).containsEntry("score", 0.0).containsEntry("popularity", 0)
                .containsEntry("streams_28d", 0L).containsEntry("streams_total", 1L);
        assertThat(model.item("artist", "a-edge")).containsEntry("monthly_listeners", 1L);
        assertThat(model.item("artist", "a-gone")).containsEntry("monthly_listeners", 0L);
        assertThat((Double) model.item("track", "ahead").get("score")).isCloseTo(1.0, within(1e-9));
        // what fell out of the window is pruned
        assertThat(model.rows("select * from popularity_streams where item_id in ('gone', 'a-gone')")).isEmpty();
        assertThat(model.rows("select * from popularity_listener where artist_id = 'a-gone'")).isEmpty();
    }

    @Test
    void aSecondRunComputesAndSendsOnlyWhatChanged() {
        model.deliver(stream("ann", "t1", TODAY, "a1"), stream("ann", "t2", TODAY, "a2"), stream("bob", "t2", TODAY, "a2"));
        PopularityJob.Run first = model.runJob();
        assertThat(first.computed()).isEqualTo(6);
        // ln(2) / ln(3)
        assertThat(model.sent).containsExactly(Map.of("track:t1", 63, "track:t2", 100, "album:r-t1", 63,
                "album:r-t2", 100, "artist:a1", 63, "artist:a2", 100));

        PopularityJob.Run idle = model.runJob();
        assertThat(idle.computed()).isZero();
        assertThat(idle.sentToIndex()).isZero();

        model.deliver(stream("cat", "t1", TODAY, "a1"));
        PopularityJob.Run second = model.runJob();

        assertThat(second.computed()).isEqualTo(3);
        assertThat(model.sent).hasSize(2);
        assertThat(model.sent.get(1)).containsOnlyKeys("track:t1", "album:r-t1", "artist:a1")
                .containsEntry("track:t1", 100);
        assertThat(model.item("artist", "a1")).containsEntry("monthly_listeners", 2L);
    }

    @Test
    void whenTheTopOfTheScaleRisesEveryItemOfTheKindIsSetAgain() {
        model.deliver(stream("ann", "t1", TODAY), stream("bob", "t1", TODAY), stream("ann", "t2", TODAY));
        model.runJob();
        assertThat(model.popularity("track", "t1")).isEqualTo(100);

        for (int i = 0; i < 10; i++) {
            model.deliver(stream("u" + i, "t3", TODAY));
        }
        PopularityJob.Run run = model.runJob();

        assertThat(run.computed()).isEqualTo(2); // t3 and its album
        assertThat(model.popularity("track", "t3")).isEqualTo(100);
        assertThat(model.popularity("track", "t1")).isEqualTo(46); // ln(3) / ln(11)
        assertThat(model.popularity("track", "t2")).isEqualTo(29); // ln(2) / ln(11)
        assertThat(model.sent.get(1)).containsEntry("track:t1", 46).containsEntry("track:t2", 29);
    }

    @Test
    void theNextDayRecomputesWhatStillScoresUntilItDecaysToZero() {
        model.deliver(stream("ann", "t1", "2026-11-12T08:00:00Z"), stream("ann", "t2", TODAY));
        model.runJob();
        double before = (Double) model.item("track", "t1").get("score");

        model.at(Instant.parse("2026-12-08T00:30:00Z"));
        assertThat(model.runJob().computed()).isEqualTo(4);
        assertThat((Double) model.item("track", "t1").get("score")).isCloseTo(before / Math.pow(2, 1 / 7.0), within(1e-9));

        model.at(Instant.parse("2026-12-10T00:30:00Z"));
        model.runJob();
        assertThat(model.item("track", "t1")).containsEntry("score", 0.0).containsEntry("popularity", 0);
        assertThat(model.sent.get(model.sent.size() - 1)).containsEntry("track:t1", 0);

        model.at(Instant.parse("2026-12-11T00:30:00Z"));
        model.runJob();
        assertThat(model.item("track", "t1").get("computed_on").toString()).isEqualTo("2026-12-10");
    }

    @Test
    void anIndexThatRefusedTheUpdatesGetsThemOnTheNextRun() {
        model.deliver(stream("ann", "t1", TODAY));
        model.indexTo(updates -> {
            throw new IllegalStateException("index down");
        });
        assertThatThrownBy(model::runJob).hasMessageContaining("index down");

        model.indexTo(model.sent::add);
        PopularityJob.Run run = model.runJob();

        assertThat(run.computed()).isZero();
        assertThat(model.sent).containsExactly(Map.of("track:t1", 100, "album:r-t1", 100));
    }

    @Test
    void aReplayFromZeroGivesTheSameAnswers() {
        Object[] plays = {stream("ann", "t1", TODAY, "a1"), stream("bob", "t1", "2026-12-01T08:00:00Z", "a1"),
                stream("ann", "t2", "2026-11-20T08:00:00Z", "a1", "a2")};
        model.deliver(plays);
        model.runJob();
        var before = answers();

        model.projection.reset();
        model.deliver(plays);
        model.runJob();

        assertThat(answers()).isEqualTo(before);
    }

    @Test
    void aRedeliveredBatchThatRolledBackLeavesTheSameAnswers() {
        model.deliver(stream("ann", "t1", TODAY, "a1"));
        assertThatThrownBy(() -> model.deliver(stream("bob", "t1", TODAY, "a1"), stream("bad\u0000", "t1", TODAY)))
                .isInstanceOf(RuntimeException.class);
        model.deliver(stream("bob", "t1", TODAY, "a1"));

        model.runJob();

        assertThat(model.item("track", "t1")).containsEntry("streams_total", 2L).containsEntry("streams_28d", 2L);
        assertThat(model.item("artist", "a1")).containsEntry("monthly_listeners", 2L);
    }

    private List<Map<String, Object>> answers() {
        return model.rows("""
                select kind, item_id, streams_total, score, streams_28d, popularity, monthly_listeners
                from (""" + PopularityReadModel.ITEMS + """
                ) items order by kind, item_id""");
    }
}
