package io.musicstream.projections.catalog.search;

import static io.musicstream.projections.catalog.CatalogEvents.AT;
import static io.musicstream.projections.catalog.CatalogEvents.artist;
import static io.musicstream.projections.catalog.CatalogEvents.release;
import static io.musicstream.projections.catalog.CatalogEvents.restored;
import static io.musicstream.projections.catalog.CatalogEvents.takenDown;
import static io.musicstream.projections.catalog.CatalogEvents.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackRemovedFromRelease;
import io.musicstream.projections.common.Storable.UnstorableEventException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documents the catalog-search projection holds, given catalog events: one per artist, album and track,
 * names folded for search and kept for display, takedowns and restores; redelivered events leave the same
 * documents, and an event the index cannot store is refused in its handler.
 */
class CatalogSearchProjectionTest {

    private SearchReadModel model;

    @BeforeEach
    void freshIndex() {
        model = new SearchReadModel();
        model.register(artist("sigur", "Sigur Rós"), artist("guest", "Jónsi"));
    }

    @Test
    void aReleaseBecomesAnAlbumAndTrackDocumentsWithFoldedNamesAndTheArtistsNames() {
        model.deliver(release("takk", "Takk...", List.of("sigur"), "2005-09-12", List.of("post-rock"),
                track("hopp", "Hoppípolla", 1, 1, List.of("sigur"), List.of("WW")),
                track("glos", "Glósóli", 1, 2, List.of("sigur", "guest"), List.of("IS", "SE"))));

        assertThat(model.document("artist:sigur").orElseThrow()).containsEntry("kind", "artist")
                .containsEntry("name", "sigur ros").containsEntry("display_name", "Sigur Rós");
        assertThat(model.document("album:takk").orElseThrow()).containsEntry("kind", "album")
                .containsEntry("display_name", "Takk...").containsEntry("artist_names", "sigur ros")
                .containsEntry("display_artists", List.of("Sigur Rós")).containsEntry("genres", List.of("post-rock"))
                .containsEntry("release_year", 2005).containsEntry("track_ids", List.of("hopp", "glos"));
        Map<String, Object> hoppipolla = model.document("track:hopp").orElseThrow();
        assertThat(hoppipolla).containsEntry("name", "hoppipolla").containsEntry("display_name", "Hoppípolla")
                .containsEntry("release_id", "takk").containsEntry("album", "takk...")
                .containsEntry("territories", List.of("WW")).containsEntry("duration_ms", 200_000)
                .containsEntry("artist_names", "sigur ros").containsEntry("taken_down", false)
                .containsEntry("popularity", 0);
        assertThat(model.document("track:glos").orElseThrow()).containsEntry("artist_names", "sigur ros jonsi")
                .containsEntry("display_artists", List.of("Sigur Rós", "Jónsi"))
                .containsEntry("territories", List.of("IS", "SE"));
    }

    @Test
    void aTakedownMarksTheTrackAndItsSuggestionUntilRestored() {
        model.deliver(release("takk", "Takk...", List.of("sigur"), null, List.of(), track("hopp", "Hoppípolla", 1, 1)));

        model.deliver(takenDown("takk", "hopp", List.of("SE", "DK"), "dispute"));
        assertThat(model.document("track:hopp").orElseThrow()).containsEntry("taken_down", false)
                .containsEntry("blocked_territories", List.of("DK", "SE"));

        model.deliver(takenDown("takk", "hopp", List.of(), "withdrawn"));
        Map<String, Object> down = model.document("track:hopp").orElseThrow();
        assertThat(down).containsEntry("taken_down", true);
        assertThat(down.get("suggest").toString()).contains("available=[no]");

        model.deliver(restored("takk", "hopp", List.of("SE")));
        assertThat(model.document("track:hopp").orElseThrow()).containsEntry("taken_down", true)
                .containsEntry("blocked_territories", List.of("DK"));

        model.deliver(restored("takk", "hopp", List.of()));
        Map<String, Object> restored = model.document("track:hopp").orElseThrow();
        assertThat(restored).containsEntry("taken_down", false).containsEntry("blocked_territories", List.of());
        assertThat(restored.get("suggest").toString()).contains("available=[yes]");
    }

    @Test
    void metadataUpdatesRewriteTheDocumentsAndKeepTakedowns() {
        model.deliver(release("takk", "Takk", List.of("sigur"), "2005-09-12", List.of(), track("hopp", "Hoppipolla", 1, 1),
                track("glos", "Glosoli", 1, 2)), takenDown("takk", "hopp", List.of(), "withdrawn"));

        model.deliver(new ReleaseMetadataUpdated("takk", "Takk... (Deluxe)", ReleaseType.ALBUM, List.of("guest"),
                "Label", LocalDate.of(2006, 1, 1), List.of("ambient"), null, AT));
        model.deliver(new TrackMetadataUpdated("takk", track("hopp", "Hoppípolla (Live)", 1, 1), AT));
        model.deliver(new TrackAddedToRelease("takk", track("saeg", "Sæglópur", 1, 3), AT));
        model.deliver(new TrackRemovedFromRelease("takk", "glos", AT));

        assertThat(model.document("album:takk").orElseThrow()).containsEntry("display_name", "Takk... (Deluxe)")
                .containsEntry("display_artists", List.of("Jónsi")).containsEntry("release_year", 2006)
                .containsEntry("track_ids", List.of("hopp", "saeg"));
        assertThat(model.document("track:hopp").orElseThrow()).containsEntry("display_name", "Hoppípolla (Live)")
                .containsEntry("album", "takk... (deluxe)").containsEntry("genres", List.of("ambient"))
                .containsEntry("taken_down", true);
        assertThat(model.document("track:saeg").orElseThrow()).containsEntry("name", "saeglopur");
        assertThat(model.document("track:glos")).isEmpty();
    }

    @Test
    void redeliveredEventsLeaveTheSameDocuments() {
        Object[] events = {
                artist("sigur", "Sigur Rós"),
                release("takk", "Takk...", List.of("sigur"), "2005-09-12", List.of("post-rock"),
                        track("hopp", "Hoppípolla", 1, 1), track("glos", "Glósóli", 1, 2)),
                new TrackAddedToRelease("takk", track("saeg", "Sæglópur", 1, 3), AT),
                new TrackRemovedFromRelease("takk", "glos", AT),
                takenDown("takk", "hopp", List.of("FI", "DK"), "dispute"),
                restored("takk", "hopp", List.of("FI"))};
        model.deliver(events);
        Map<String, Map<String, Object>> once = model.documents();

        model.deliver(events);

        assertThat(model.documents()).isEqualTo(once);
        assertThat(once).containsOnlyKeys("artist:sigur", "artist:guest", "album:takk", "track:hopp", "track:saeg");
    }

    @Test
    void oneBatchReadsItsOwnWritesBeforeTheyReachTheIndex() {
        model.projection.deliver(release("takk", "Takk...", List.of("sigur"), null, List.of(),
                track("hopp", "Hoppípolla", 1, 1)), takenDown("takk", "hopp", List.of("SE"), "dispute"));
        model.refresh();

        assertThat(model.document("track:hopp").orElseThrow()).containsEntry("blocked_territories", List.of("SE"));
    }

    @Test
    void anEventTheIndexCannotStoreIsRefusedInItsHandlerAndWritesNothing() {
        assertThatThrownBy(() -> model.deliver(new ArtistRegistered("bad", "Bad\u0000Name", AT)))
                .isInstanceOf(UnstorableEventException.class).hasMessageContaining("NUL");

        assertThat(model.document("artist:bad")).isEmpty();
    }
}
