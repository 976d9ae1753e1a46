package io.musicstream.projections.catalog.browse;

import static io.musicstream.projections.catalog.CatalogEvents.AT;
import static io.musicstream.projections.catalog.CatalogEvents.artist;
import static io.musicstream.projections.catalog.CatalogEvents.played;
import static io.musicstream.projections.catalog.CatalogEvents.release;
import static io.musicstream.projections.catalog.CatalogEvents.restored;
import static io.musicstream.projections.catalog.CatalogEvents.takenDown;
import static io.musicstream.projections.catalog.CatalogEvents.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackRemovedFromRelease;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rows the catalog-browse projection holds, given catalog events: releases with their tracks, metadata
 * updates, takedowns and restores as territory sets (plays write no browse row); redelivered events change nothing and a replay
 * after a reset rebuilds the same rows.
 */
class CatalogBrowseProjectionTest {

    private BrowseReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new BrowseReadModel();
        model.deliver(artist("band", "The Band"), artist("guest", "Guest Singer"));
    }

    @Test
    void anIngestedReleaseHoldsItsTracksCountedAndTracksNamingNoArtistsGetTheReleases() {
        model.deliver(release("r1", "First", List.of("band"), "2001-02-03", List.of("rock", "indie"),
                track("t1", "One", 1, 1), track("t2", "Two", 1, 2, List.of("band", "guest"), List.of("SE"))));

        Map<String, Object> release = model.rows().get("browse_release").get(0);
        assertThat(release).containsEntry("release_id", "r1").containsEntry("title", "First")
                .containsEntry("release_type", "ALBUM").containsEntry("artist_ids", List.of("band"))
                .containsEntry("genres", List.of("rock", "indie")).containsEntry("track_count", 2)
                .containsEntry("release_date", Date.valueOf(LocalDate.of(2001, 2, 3)))
                .containsEntry("ingested_at", Timestamp.from(AT));
        assertThat(model.track("t1")).containsEntry("artist_ids", List.of("band"))
                .containsEntry("artists_inherited", true).containsEntry("territories", List.of("WW"))
                .containsEntry("blocked_everywhere", false).doesNotContainKey("play_count");
        assertThat(model.browse.track("t1", null).orElseThrow().playCount()).isZero();
        assertThat(model.track("t2")).containsEntry("artist_ids", List.of("band", "guest"))
                .containsEntry("artists_inherited", false).containsEntry("territories", List.of("SE"));
        assertThat(model.rows().get("browse_artist")).extracting(a -> a.get("name"))
                .containsExactly("The Band", "Guest Singer");
    }

    @Test
    void metadataUpdatesRewriteTheRowsAndInheritedArtistsFollowTheRelease() {
        model.deliver(release("r1", "First", List.of("band"), "2001-02-03", List.of("rock"),
                track("t1", "One", 1, 1), track("t2", "Two", 1, 2, List.of("band"), List.of("WW"))));

        model.deliver(new ReleaseMetadataUpdated("r1", "First (Deluxe)", ReleaseType.EP, List.of("guest"), "Indie",
                null, List.of("pop"), null, AT));
        model.deliver(new TrackMetadataUpdated("r1", track("t2", "Two (Remix)", 1, 2), AT));

        assertThat(model.rows().get("browse_release").get(0)).containsEntry("title", "First (Deluxe)")
                .containsEntry("release_type", "EP").containsEntry("artist_ids", List.of("guest"))
                .containsEntry("release_date", null).containsEntry("genres", List.of("pop"));
        assertThat(model.track("t1")).containsEntry("artist_ids", List.of("guest"));
        assertThat(model.track("t2")).containsEntry("title", "Two (Remix)")
                .containsEntry("artist_ids", List.of("guest")).containsEntry("artists_inherited", true);
    }

    @Test
    void tracksAddedAndRemovedAreRecounted() {
        model.deliver(release("r1", "First", List.of("band"), null, List.of(), track("t1", "One", 1, 1)));

        model.deliver(new TrackAddedToRelease("r1", track("t2", "Two", 1, 2), AT));
        model.deliver(new TrackAddedToRelease("r1", track("t3", "Three", 1, 3), AT));
        model.deliver(new TrackRemovedFromRelease("r1", "t1", AT));

        assertThat(model.rows().get("browse_track")).extracting(t -> t.get("track_id")).containsExactly("t2", "t3");
        assertThat(model.rows().get("browse_release").get(0)).containsEntry("track_count", 2);
        assertThat(model.track("t2")).containsEntry("artist_ids", List.of("band"));
    }

    @Test
    void takedownsAndRestoresPerTerritoryAreSetsThatKeepTheLatestReasonWhileAnyHolds() {
        model.deliver(release("r1", "First", List.of("band"), null, List.of(), track("t1", "One", 1, 1)));

        model.deliver(takenDown("r1", "t1", List.of("SE", "DK"), "dispute"));
        model.deliver(takenDown("r1", "t1", List.of("SE"), "dispute again"));
        assertThat(model.track("t1")).containsEntry("blocked_territories", List.of("DK", "SE"))
                .containsEntry("takedown_reason", "dispute again").containsEntry("taken_down_at", Timestamp.from(AT))
                .containsEntry("blocked_everywhere", false);

        model.deliver(restored("r1", "t1", List.of("SE")));
        assertThat(model.track("t1")).containsEntry("blocked_territories", List.of("DK"))
                .containsEntry("takedown_reason", "dispute again");

        model.deliver(restored("r1", "t1", List.of("DK")));
        assertThat(model.track("t1")).containsEntry("blocked_territories", List.of())
                .containsEntry("takedown_reason", null).containsEntry("taken_down_at", null);
    }

    @Test
    void aTakedownEverywhereHoldsUntilEveryTakedownIsLifted() {
        model.deliver(release("r1", "First", List.of("band"), null, List.of(), track("t1", "One", 1, 1)));

        model.deliver(takenDown("r1", "t1", List.of("NO"), "dispute"), takenDown("r1", "t1", List.of(), "court order"));
        model.deliver(restored("r1", "t1", List.of("NO")));
        assertThat(model.track("t1")).containsEntry("blocked_everywhere", true)
                .containsEntry("blocked_territories", List.of()).containsEntry("takedown_reason", "court order");

        model.deliver(restored("r1", "t1", List.of()));
        assertThat(model.track("t1")).containsEntry("blocked_everywhere", false)
                .containsEntry("blocked_territories", List.of()).containsEntry("takedown_reason", null);
    }

    @Test
    void countedStreamsShowOnTheTrackPageAndPlaysChangeNoBrowseRow() {
        model.deliver(release("r1", "First", List.of("band"), null, List.of(), track("t1", "One", 1, 1)));
        var rows = model.rows();

        model.deliver(played("t1"), played("t1"), played("t1"), played("unknown"));

        assertThat(model.browse.track("t1", null).orElseThrow().playCount()).isEqualTo(3);
        assertThat(model.rows()).isEqualTo(rows);
        assertThat(model.rows().get("browse_track")).hasSize(1);
    }

    @Test
    void redeliveredCatalogEventsLeaveTheSameRows() {
        Object[] events = {
                artist("band", "The Band"),
                release("r1", "First", List.of("band"), "2001-02-03", List.of("rock"), track("t1", "One", 1, 1),
                        track("t2", "Two", 1, 2)),
                new TrackAddedToRelease("r1", track("t3", "Three", 1, 3), AT),
                new TrackRemovedFromRelease("r1", "t2", AT),
                new ReleaseMetadataUpdated("r1", "First!", ReleaseType.ALBUM, List.of("band", "guest"), "Label",
                        LocalDate.of(2001, 2, 3), List.of("rock"), null, AT),
                takenDown("r1", "t1", List.of("FI", "DK"), "dispute"),
                restored("r1", "t1", List.of("FI"))};
        model.deliver(events);
        Map<String, List<Map<String, Object>>> once = model.rows();

        model.deliver(events);

        assertThat(model.rows()).isEqualTo(once);
        assertThat(model.track("t1")).containsEntry("blocked_territories", List.of("DK"));
        assertThat(model.rows().get("browse_release").get(0)).containsEntry("track_count", 2);
    }

    @Test
    void aReplayAfterAResetRebuildsTheSameRows() {
        Object[] events = {
                artist("band", "The Band"), artist("guest", "Guest Singer"),
                release("r1", "First", List.of("band"), "2001-02-03", List.of("rock"), track("t1", "One", 1, 1)),
                played("t1"), played("t1"),
                takenDown("r1", "t1", List.of("DK"), "dispute")};
        model.deliver(events);
        Map<String, List<Map<String, Object>>> before = model.rows();

        model.reset();
        assertThat(model.rows().values()).allMatch(List::isEmpty);
        model.deliver(events);

        assertThat(model.rows()).isEqualTo(before);
        assertThat(model.browse.track("t1", null).orElseThrow().playCount()).isEqualTo(2);
    }
}
