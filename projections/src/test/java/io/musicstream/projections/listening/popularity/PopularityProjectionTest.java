package io.musicstream.projections.listening.popularity;

import static io.musicstream.projections.listening.popularity.Plays.notCounted;
import static io.musicstream.projections.listening.popularity.Plays.oldStream;
import static io.musicstream.projections.listening.popularity.Plays.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.projections.common.Storable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rows the popularity projection holds, given plays: counted streams per item and UTC day, streams ever,
 * each listener's last day per artist; a batch rolled back and redelivered counts once, and a replay after a
 * reset rebuilds the same rows.
 */
class PopularityProjectionTest {

    private PopularityReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new PopularityReadModel();
    }

    @Test
    void countedStreamsAreSummedPerTrackAlbumAndArtistAndUtcDay() {
        model.deliver(stream("ann", "t1", "2026-12-06T23:59:59Z", "a1", "a2"),
                stream("bob", "t1", "2026-12-06T10:00:00Z", "a1", "a2"),
                stream("ann", "t1", "2026-12-07T00:00:00Z", "a1", "a2"),
                notCounted("ann", "t1", "2026-12-07T01:00:00Z", "a1", "a2"));

        assertThat(streams("track", "t1")).containsExactly(
                Map.entry(LocalDate.parse("2026-12-06"), 2L), Map.entry(LocalDate.parse("2026-12-07"), 1L));
        assertThat(streams("album", "r-t1")).isEqualTo(streams("track", "t1"));
        assertThat(streams("artist", "a1")).isEqualTo(streams("track", "t1"));
        assertThat(streams("artist", "a2")).isEqualTo(streams("track", "t1"));
        assertThat(model.item("track", "t1")).containsEntry("streams_total", 3L).containsEntry("computed_total", 0L);
        assertThat(model.item("artist", "a2")).containsEntry("streams_total", 3L);
    }

    @Test
    void aListenerKeepsTheLastDayTheyStreamedTheArtistWhateverTheOrderOfPlays() {
        model.deliver(stream("ann", "t1", "2026-12-05T10:00:00Z", "a1"));
        model.deliver(stream("ann", "t2", "2026-11-20T10:00:00Z", "a1"), stream("ann", "t1", "2026-12-01T10:00:00Z", "a1"));
        model.deliver(notCounted("bob", "t1", "2026-12-05T10:00:00Z", "a1"));

        assertThat(model.tables().get("popularity_listener")).containsExactly(
                Map.of("artist_id", "a1", "user_id", "ann", "last_day", Date.valueOf("2026-12-05")));
    }

    @Test
    void oldPlaysWithoutReleaseOrArtistsCountForTheTrackOnly() {
        model.deliver(oldStream("ann", "t1", "2026-12-06T10:00:00Z"));

        assertThat(model.tables().get("popularity")).extracting(r -> r.get("kind") + ":" + r.get("item_id"))
                .containsExactly("track:t1");
        assertThat(model.tables().get("popularity_listener")).isEmpty();
    }

    @Test
    void aBatchThatFailedIsCountedOnceWhenRedelivered() {
        var good = stream("ann", "t1", "2026-12-06T10:00:00Z", "a1");
        var unstorable = stream("ann\u0000", "t1", "2026-12-06T11:00:00Z", "a1");

        assertThatThrownBy(() -> model.deliver(good, unstorable)).isInstanceOf(Storable.UnstorableEventException.class);
        assertThat(model.tables().values()).allMatch(List::isEmpty);
        model.deliver(good);

        assertThat(model.item("track", "t1")).containsEntry("streams_total", 1L);
        assertThat(streams("artist", "a1")).containsExactly(Map.entry(LocalDate.parse("2026-12-06"), 1L));
    }

    @Test
    void aReplayAfterAResetRebuildsTheSameRows() {
        Object[] plays = {
                stream("ann", "t1", "2026-12-06T10:00:00Z", "a1"), stream("bob", "t1", "2026-12-06T11:00:00Z", "a1"),
                stream("ann", "t2", "2026-12-01T10:00:00Z", "a1", "a2"), oldStream("cat", "t3", "2026-11-01T10:00:00Z")};
        model.deliver(plays);
        var before = model.tables();

        model.projection.reset();
        assertThat(model.tables().values()).allMatch(List::isEmpty);
        model.deliver(plays);

        assertThat(model.tables()).isEqualTo(before);
    }

    @Test
    void batchesOnTwoSegmentsAddUpWhateverTheirOrder() throws Exception {
        Thread other = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                model.deliver(stream("bob", "t2", "2026-12-06T10:00:00Z", "a1"), stream("bob", "t1", "2026-12-06T10:00:00Z", "a1"));
            }
        });
        other.start();
        for (int i = 0; i < 20; i++) {
            model.deliver(stream("ann", "t1", "2026-12-06T10:00:00Z", "a1"), stream("ann", "t2", "2026-12-06T10:00:00Z", "a1"));
        }
        other.join();

        assertThat(model.item("track", "t1")).containsEntry("streams_total", 40L);
        assertThat(model.item("artist", "a1")).containsEntry("streams_total", 80L);
    }

    private Map<LocalDate, Long> streams(String kind, String id) {
        Map<LocalDate, Long> days = new java.util.LinkedHashMap<>();
        model.rows("select day, streams from popularity_streams where kind = '" + kind + "' and item_id = '" + id
                + "' order by day").forEach(r -> days.put(((Date) r.get("day")).toLocalDate(), (Long) r.get("streams")));
        return days;
    }
}
