package io.musicstream.projections.listening.analytics;

import static io.musicstream.projections.listening.analytics.AnalyticsReadModel.play;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.ARTIST;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.DAY;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.RELEASE;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.TERRITORY;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.projections.listening.analytics.AnalyticsReadModel.Play;
import io.musicstream.projections.listening.analytics.StreamAnalytics.Row;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sums the analytics projection keeps, given plays: counted streams apart from all plays, UTC days,
 * territories, artists; a failed batch retried and a replay after a reset give the same sums.
 */
class StreamAnalyticsProjectionTest {

    private AnalyticsReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new AnalyticsReadModel();
    }

    @Test
    void onlyCountedPlaysAreStreamsButEveryPlayIsAPlayAndItsTimeIsSummed() {
        model.deliver(play("t1", "2026-03-01T10:00:00Z"), play("t1", "2026-03-01T11:00:00Z").notCounted(29_999),
                play("t1", "2026-03-01T12:00:00Z").by("other"));

        assertThat(model.rows().get("tracks")).containsExactly(Map.of("day", Date.valueOf("2026-03-01"),
                "territory", "SE", "track_id", "t1", "release_id", "r1", "artist_ids", List.of("a1"),
                "streams", 2L, "plays", 3L, "ms_played", 429_999L));
        assertThat(model.rows().get("artists")).containsExactly(Map.of("day", Date.valueOf("2026-03-01"),
                "territory", "SE", "artist_id", "a1", "streams", 2L, "plays", 3L, "ms_played", 429_999L));
    }

    @Test
    void aPlayCountsOnTheUtcDayItStarted() {
        model.deliver(play("t1", "2026-03-01T23:59:59.999Z"), play("t1", "2026-03-02T00:00:00Z"),
                play("t1", "2026-02-28T23:59:59.999999Z"), play("t1", "2026-03-01T00:00:00Z"));

        assertThat(model.page(DAY, "2026-02-28", "2026-03-02", null)).containsExactly(
                new Row("2026-03-01", null, 2, 2, 400_000), new Row("2026-02-28", null, 1, 1, 200_000),
                new Row("2026-03-02", null, 1, 1, 200_000));
        assertThat(model.page(TRACK, "2026-03-01", "2026-03-01", null)).extracting(Row::streams).containsExactly(2L);
        assertThat(model.page(TRACK, "2026-03-02", "2026-03-02", null)).extracting(Row::streams).containsExactly(1L);
    }

    @Test
    void aPlayOfUnknownTerritoryCountsUnderXx() {
        model.deliver(play("t1", "2026-03-01T10:00:00Z").in(null), play("t1", "2026-03-01T10:00:00Z").in("NO"));

        assertThat(model.page(TERRITORY, "2026-03-01", "2026-03-01", null)).extracting(Row::key)
                .containsExactly("NO", "XX");
        assertThat(model.page(TRACK, "2026-03-01", "2026-03-01", "NO")).extracting(Row::plays).containsExactly(1L);
    }

    @Test
    void everyArtistOfAPlayIsCreditedWithItOnce() {
        model.deliver(play("t1", "2026-03-01T10:00:00Z").on("r1", "a1", "a2", "a1"));
        model.deliver(play("t2", "2026-03-01T10:00:00Z").on("r2", "a2"));

        assertThat(model.page(ARTIST, "2026-03-01", "2026-03-01", null)).containsExactly(
                new Row("a2", null, 2, 2, 400_000), new Row("a1", null, 1, 1, 200_000));
    }

    @Test
    void oldPlaysWithoutReleaseOrArtistsCountUnderAnUnknownReleaseAndNoArtist() {
        model.deliverEach(play("t1", "2026-03-01T10:00:00Z").on(null), play("t1", "2026-03-01T11:00:00Z").on(null),
                play("t1", "2026-03-01T12:00:00Z"));

        assertThat(model.rows().get("tracks")).hasSize(2);

        assertThat(model.page(RELEASE, "2026-03-01", "2026-03-01", null)).containsExactly(
                new Row(null, null, 2, 2, 400_000), new Row("r1", null, 1, 1, 200_000));
        assertThat(model.page(TRACK, "2026-03-01", "2026-03-01", null)).containsExactly(
                new Row("t1", null, 3, 3, 600_000));
        assertThat(model.page(ARTIST, "2026-03-01", "2026-03-01", null)).containsExactly(
                new Row("a1", null, 1, 1, 200_000));
    }

    @Test
    void batchesAddUpAcrossCommitsAndPlaysOfOneBatchAreSummedFirst() {
        Play[] plays = new Play[20];
        for (int i = 0; i < plays.length; i++) {
            plays[i] = play("t" + (i % 3), "2026-03-01T10:00:00Z");
        }
        model.deliver(plays);
        model.deliverEach(play("t0", "2026-03-01T10:00:00Z"), play("t0", "2026-03-01T10:00:00Z"));

        assertThat(model.page(TRACK, "2026-03-01", "2026-03-01", null)).extracting(Row::key, Row::streams)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t0", 9L),
                        org.assertj.core.groups.Tuple.tuple("t1", 7L), org.assertj.core.groups.Tuple.tuple("t2", 6L));
    }

    @Test
    void aBatchThatFailsAddsNothingAndItsRedeliveryCountsOnce() {
        Play good = play("t1", "2026-03-01T10:00:00Z");
        Play unstorable = play("t2\u0000", "2026-03-01T10:00:00Z");

        assertThatThrownBy(() -> model.deliver(good, unstorable)).hasMessageContaining("NUL");
        assertThat(model.rows().get("tracks")).isEmpty();
        model.deliver(good);

        assertThat(model.page(TRACK, "2026-03-01", "2026-03-01", null)).containsExactly(
                new Row("t1", null, 1, 1, 200_000));
    }

    @Test
    void aReplayAfterAResetGivesTheSameSums() {
        Play[] plays = {play("t1", "2026-03-01T10:00:00Z"), play("t2", "2026-03-01T23:59:59Z").in("NO"),
                play("t1", "2026-03-02T00:00:00Z").notCounted(1_000), play("t3", "2026-03-02T00:00:00Z").on("r2", "a2")};
        model.deliver(plays);
        Map<String, List<Map<String, Object>>> before = model.rows();

        model.projection.reset();
        assertThat(model.rows().get("tracks")).isEmpty();
        assertThat(model.rows().get("artists")).isEmpty();
        model.deliverEach(plays);

        assertThat(model.rows()).isEqualTo(before);
    }

    @Test
    void aTracksRowHoldsTheArtistsOfItsLatestPlay() {
        model.deliver(play("t1", "2026-03-01T10:00:00Z").on("r1", "a1"));
        model.deliver(play("t1", "2026-03-01T11:00:00Z").on("r1", "a1", "a2"));

        assertThat(model.rows().get("tracks")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("artist_ids", List.of("a1", "a2")));
        assertThat(model.page(ARTIST, "2026-03-01", "2026-03-01", null)).extracting(Row::key, Row::plays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", 2L),
                        org.assertj.core.groups.Tuple.tuple("a2", 1L));
    }
}
