package io.musicstream.projections.catalog.browse;

import static io.musicstream.projections.catalog.CatalogEvents.artist;
import static io.musicstream.projections.catalog.CatalogEvents.release;
import static io.musicstream.projections.catalog.CatalogEvents.restored;
import static io.musicstream.projections.catalog.CatalogEvents.takenDown;
import static io.musicstream.projections.catalog.CatalogEvents.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.projections.catalog.browse.CatalogAvailability.PlayableTrack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the browse read model answers to the checks commands pass: which items exist and can be played where. */
class CatalogAvailabilityTest {

    private BrowseReadModel model;
    private CatalogAvailability catalog;

    @BeforeEach
    void freshReadModel() {
        model = new BrowseReadModel();
        catalog = model.availability;
        model.deliver(artist("band", "The Band"),
                release("r1", "First", List.of("band"), null, List.of(), track("t1", "One", 1, 1),
                        track("t2", "Two", 1, 2, List.of(), List.of("SE", "NO"))),
                release("empty", "Nothing Yet", List.of("band"), null, List.of()));
    }

    @Test
    void knownTracksComeWithTheirLengthAndAvailabilityInTheTerritory() {
        Map<String, PlayableTrack> tracks = catalog.tracks(List.of("t1", "t2", "nothing"), "DK");

        assertThat(tracks).containsOnlyKeys("t1", "t2");
        assertThat(tracks.get("t1")).isEqualTo(new PlayableTrack(200_000, new Availability(true, null)));
        assertThat(tracks.get("t2").availability()).isEqualTo(new Availability(false, "not licensed in DK"));
        assertThat(catalog.tracks(List.of("t2"), null).get("t2").availability().available()).isTrue();
    }

    @Test
    void aTakedownMakesATrackUnavailableUntilItIsRestored() {
        model.deliver(takenDown("r1", "t1", List.of(), "withdrawn"));
        assertThat(catalog.tracks(List.of("t1"), "SE").get("t1").availability())
                .isEqualTo(new Availability(false, "taken down everywhere"));

        model.deliver(restored("r1", "t1", List.of()));
        assertThat(catalog.tracks(List.of("t1"), "SE").get("t1").availability().available()).isTrue();
    }

    @Test
    void knownAlbumsComeWithTheAvailabilityOfEachOfTheirTracks() {
        model.deliver(takenDown("r1", "t1", List.of("SE"), "dispute"));

        Map<String, List<Availability>> albums = catalog.albums(List.of("r1", "empty", "nothing"), "SE");

        assertThat(albums).containsOnlyKeys("r1", "empty");
        assertThat(albums.get("r1")).containsExactlyInAnyOrder(new Availability(false, "taken down in SE"),
                new Availability(true, null));
        assertThat(albums.get("empty")).isEmpty();
        assertThat(catalog.albums(List.of("r1"), "DK").get("r1")).containsExactlyInAnyOrder(
                new Availability(true, null), new Availability(false, "not licensed in DK"));
    }

    @Test
    void knownArtistsAreThoseTheBrowseModelHolds() {
        assertThat(catalog.artists(List.of("band", "nobody"))).containsExactly("band");
        assertThat(catalog.artists(List.of())).isEmpty();
    }
}
