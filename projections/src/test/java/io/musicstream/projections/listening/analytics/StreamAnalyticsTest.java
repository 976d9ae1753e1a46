package io.musicstream.projections.listening.analytics;

import static io.musicstream.projections.listening.analytics.AnalyticsReadModel.play;
import static io.musicstream.projections.listening.analytics.AnalyticsReadModel.query;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.ARTIST;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.DAY;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.RELEASE;
import static io.musicstream.projections.listening.analytics.StreamAnalytics.GroupBy.TRACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.projections.listening.analytics.AnalyticsReadModel.Play;
import io.musicstream.projections.listening.analytics.StreamAnalytics.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What analysts read: groups over an inclusive range of days, ordered and paged, named from the catalog. */
class StreamAnalyticsTest {

    private AnalyticsReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new AnalyticsReadModel();
    }

    @Test
    void groupsAreOrderedByStreamsThenKeyAndPaged() {
        model.deliver(play("b", "2026-03-01T10:00:00Z"), play("a", "2026-03-01T10:00:00Z"),
                play("c", "2026-03-01T10:00:00Z"), play("c", "2026-03-01T11:00:00Z"),
                play("d", "2026-03-01T10:00:00Z").notCounted(5_000), play("d", "2026-03-01T10:00:00Z").notCounted(5_000));

        assertThat(model.page(TRACK, "2026-03-01", "2026-03-01", null)).extracting(Row::key)
                .containsExactly("c", "a", "b", "d");
        StreamAnalytics.Query q = query(TRACK, "2026-03-01", "2026-03-01", null);
        assertThat(model.analytics.page(q, 2, 1)).extracting(Row::key).containsExactly("a", "b");
        assertThat(model.analytics.page(q, 10, 4)).isEmpty();
    }

    @Test
    void theRangeOfDaysIsInclusiveAndATerritoryNarrowsIt() {
        model.deliver(play("t1", "2026-02-28T23:59:59Z"), play("t1", "2026-03-01T00:00:00Z"),
                play("t1", "2026-03-03T23:59:59Z"), play("t1", "2026-03-04T00:00:00Z"),
                play("t1", "2026-03-02T10:00:00Z").in("NO"));

        assertThat(model.page(TRACK, "2026-03-01", "2026-03-03", null)).extracting(Row::streams).containsExactly(3L);
        assertThat(model.page(TRACK, "2026-03-01", "2026-03-03", "NO")).extracting(Row::streams).containsExactly(1L);
        assertThat(model.page(DAY, "2026-03-01", "2026-03-03", "SE")).extracting(Row::key)
                .containsExactly("2026-03-01", "2026-03-03");
        assertThat(model.page(TRACK, "2026-03-01", "2026-03-03", "DK")).isEmpty();
    }

    @Test
    void tracksArtistsAndReleasesCarryTheCatalogsNamesWhereItHasThem() {
        model.catalog("t1", "Song One", "r1", "Album One", "a1", "The Band");
        model.deliver(play("t1", "2026-03-01T10:00:00Z"), play("t2", "2026-03-01T10:00:00Z").on("r2", "a2"));

        assertThat(model.page(TRACK, "2026-03-01", "2026-03-01", null)).containsExactly(
                new Row("t1", "Song One", 1, 1, 200_000), new Row("t2", null, 1, 1, 200_000));
        assertThat(model.page(RELEASE, "2026-03-01", "2026-03-01", null)).extracting(Row::name)
                .containsExactly("Album One", null);
        assertThat(model.page(ARTIST, "2026-03-01", "2026-03-01", null)).extracting(Row::name)
                .containsExactly("The Band", null);
    }

    @Test
    void aStreamedReadHandsOverEveryGroupInPageOrderAcrossManyFetches() {
        int tracks = StreamAnalytics.FETCH_SIZE * 2 + 500;
        List<Play> plays = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            for (int n = 0; n <= i % 7; n++) {
                plays.add(play(String.format("t%05d", i), "2026-03-01T10:00:00Z"));
            }
        }
        model.deliver(plays.toArray(Play[]::new));

        List<Row> streamed = model.streamed(TRACK, "2026-03-01", "2026-03-01", null);

        assertThat(streamed).hasSize(tracks);
        assertThat(streamed).isEqualTo(model.analytics.page(query(TRACK, "2026-03-01", "2026-03-01", null), tracks, 0));
        assertThat(streamed.get(0).streams()).isEqualTo(7);
    }
}
