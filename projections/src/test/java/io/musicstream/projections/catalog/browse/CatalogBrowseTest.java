package io.musicstream.projections.catalog.browse;

import static io.musicstream.projections.catalog.CatalogEvents.artist;
import static io.musicstream.projections.catalog.CatalogEvents.played;
import static io.musicstream.projections.catalog.CatalogEvents.release;
import static io.musicstream.projections.catalog.CatalogEvents.restored;
import static io.musicstream.projections.catalog.CatalogEvents.takenDown;
import static io.musicstream.projections.catalog.CatalogEvents.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.projections.catalog.browse.CatalogBrowse.AlbumPage;
import io.musicstream.projections.catalog.browse.CatalogBrowse.AlbumTrack;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ArtistPage;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ArtistRef;
import io.musicstream.projections.catalog.browse.CatalogBrowse.GenreCount;
import io.musicstream.projections.catalog.browse.CatalogBrowse.Page;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ReleaseSummary;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TopTrack;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TrackPage;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the browse reader answers, given catalog events: album, artist and track pages, listings, summaries. */
class CatalogBrowseTest {

    private BrowseReadModel model;
    private CatalogBrowse browse;

    @BeforeEach
    void freshReadModel() {
        model = new BrowseReadModel();
        browse = model.browse;
        model.deliver(artist("band", "The Band"), artist("guest", "Guest Singer"));
    }

    @Test
    void anAlbumPageListsItsTracksInDiscAndTrackOrderWithArtistNamesAndAvailability() {
        model.deliver(release("r1", "Double", List.of("band"), "2004-03-01", List.of("rock", "indie"),
                track("t3", "Closer", 2, 1), track("t2", "Second", 1, 2, List.of("band", "guest"), List.of("SE")),
                track("t1", "Opener", 1, 1)));

        AlbumPage page = browse.album("r1", "NO").orElseThrow();

        assertThat(page.title()).isEqualTo("Double");
        assertThat(page.releaseDate()).isEqualTo(LocalDate.of(2004, 3, 1));
        assertThat(page.genres()).containsExactly("rock", "indie");
        assertThat(page.artists()).containsExactly(new ArtistRef("band", "The Band"));
        assertThat(page.trackCount()).isEqualTo(3);
        assertThat(page.durationMs()).isEqualTo(3 * 200_000L);
        assertThat(page.tracks()).extracting(AlbumTrack::title).containsExactly("Opener", "Second", "Closer");
        AlbumTrack second = page.tracks().get(1);
        assertThat(second.artists()).extracting(ArtistRef::name).containsExactly("The Band", "Guest Singer");
        assertThat(second.available()).isFalse();
        assertThat(second.unavailableReason()).isEqualTo("not licensed in NO");
        assertThat(browse.album("r1", null).orElseThrow().tracks()).allMatch(AlbumTrack::available);
        assertThat(browse.album("nothing", null)).isEmpty();
    }

    @Test
    void aTrackPageShowsATakedownInForceAndWhereItHolds() {
        model.deliver(release("r1", "First", List.of("band"), null, List.of(), track("t1", "One", 1, 1)),
                takenDown("r1", "t1", List.of("SE"), "rights dispute"), played("t1"));

        TrackPage inSweden = browse.track("t1", "SE").orElseThrow();
        assertThat(inSweden.available()).isFalse();
        assertThat(inSweden.unavailableReason()).isEqualTo("taken down in SE");
        assertThat(inSweden.takedown().everywhere()).isFalse();
        assertThat(inSweden.takedown().territories()).containsExactly("SE");
        assertThat(inSweden.takedown().reason()).isEqualTo("rights dispute");
        assertThat(inSweden.release().title()).isEqualTo("First");
        assertThat(inSweden.playCount()).isEqualTo(1);
        assertThat(browse.track("t1", "NO").orElseThrow().available()).isTrue();

        model.deliver(restored("r1", "t1", List.of()));
        assertThat(browse.track("t1", "SE").orElseThrow().takedown()).isNull();
        assertThat(browse.track("nothing", null)).isEmpty();
    }

    @Test
    void anArtistPageListsReleasesNewestFirstAndTopTracksByPlaysAvailableInTheTerritory() {
        model.deliver(release("old", "Early Days", List.of("band"), "2001-05-01", List.of(), track("o1", "Old Hit", 1, 1)),
                release("new", "Later Years", List.of("band"), "2011-05-01", List.of(), track("n1", "New Hit", 1, 1)),
                release("undated", "Someday", List.of("band"), null, List.of(), track("u1", "Maybe", 1, 1)),
                played("n1"), played("n1"), played("o1"), takenDown("old", "o1", List.of("SE"), "dispute"));

        ArtistPage page = browse.artist("band", "SE").orElseThrow();

        assertThat(page.name()).isEqualTo("The Band");
        assertThat(page.releases()).extracting(ReleaseSummary::title)
                .containsExactly("Later Years", "Early Days", "Someday");
        assertThat(page.topTracks()).extracting(TopTrack::trackId).containsExactly("n1", "u1");
        assertThat(page.topTracks().get(0).playCount()).isEqualTo(2);
        assertThat(page.topTracks().get(0).release().title()).isEqualTo("Later Years");
        assertThat(browse.artist("band", "NO").orElseThrow().topTracks()).extracting(TopTrack::trackId)
                .containsExactly("n1", "o1", "u1");
        assertThat(browse.artist("nobody", null)).isEmpty();
    }

    @Test
    void pagesShowPopularityAndTopTracksFollowRecentStreamsRatherThanStreamsEver() {
        model.deliver(release("old", "Early Days", List.of("band"), "2001-05-01", List.of(), track("o1", "Old Hit", 1, 1)),
                release("new", "Later Years", List.of("band"), "2011-05-01", List.of(), track("n1", "New Hit", 1, 1)));
        for (int i = 0; i < 5; i++) {
            model.deliver(stream("fan" + i, "o1", "old", "2026-10-01T10:00:00Z"));
        }
        model.deliver(stream("ann", "n1", "new", "2026-12-06T10:00:00Z"), stream("bob", "n1", "new", "2026-12-06T11:00:00Z"));
        model.popularity.at(Instant.parse("2026-12-07T12:00:00Z")).runJob();

        ArtistPage artist = browse.artist("band", null).orElseThrow();

        assertThat(artist.topTracks()).extracting(TopTrack::trackId).containsExactly("n1", "o1");
        assertThat(artist.topTracks()).extracting(TopTrack::popularity).containsExactly(100, 0);
        assertThat(artist.topTracks()).extracting(TopTrack::playCount).containsExactly(2L, 5L);
        assertThat(artist.popularity()).isEqualTo(100);
        assertThat(artist.monthlyListeners()).isEqualTo(2);
        assertThat(browse.album("new", null).orElseThrow().popularity()).isEqualTo(100);
        assertThat(browse.album("old", null).orElseThrow().popularity()).isZero();
        assertThat(browse.track("n1", null).orElseThrow().popularity()).isEqualTo(100);
        assertThat(browse.track("o1", null).orElseThrow().playCount()).isEqualTo(5);
    }

    private static TrackPlayed stream(String userId, String trackId, String releaseId, String startedAt) {
        return new TrackPlayed(UUID.randomUUID().toString(), userId, trackId, Instant.parse(startedAt), 180_000, null,
                "SE", "SE", releaseId, List.of("band"), null, null, false, true, 1);
    }

    @Test
    void topTracksReadPastAFullPageOfUnavailableTracks() {
        List<TrackSpec> tracks = new ArrayList<>();
        IntStream.range(0, 55).forEach(i -> tracks.add(track("a" + i, String.format("A%02d", i), 1, i + 1)));
        IntStream.range(0, 12).forEach(i -> tracks.add(track("b" + i, String.format("B%02d", i), 2, i + 1)));
        model.deliver(release("big", "Big", List.of("band"), null, List.of(), tracks.toArray(TrackSpec[]::new)));
        IntStream.range(0, 55).forEach(i -> model.deliver(takenDown("big", "a" + i, List.of(), "withdrawn")));

        List<TopTrack> top = browse.artist("band", null).orElseThrow().topTracks();

        assertThat(top).hasSize(CatalogBrowse.TOP_TRACKS);
        assertThat(top).extracting(TopTrack::title).containsExactly("B00", "B01", "B02", "B03", "B04", "B05", "B06",
                "B07", "B08", "B09");
    }

    @Test
    void newReleasesArePagedByReleaseDateAndGenresCountTheirReleases() {
        model.deliver(release("r1", "One", List.of("band"), "2091-01-01", List.of("shoegaze", "dream pop")),
                release("r3", "Three", List.of("band"), "2093-01-01", List.of("shoegaze")),
                release("r2", "Two", List.of("band"), "2092-01-01", List.of()),
                release("r0", "Undated", List.of("band"), null, List.of()));

        Page<ReleaseSummary> first = browse.newReleases(2, 0);
        Page<ReleaseSummary> rest = browse.newReleases(2, 2);

        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(ReleaseSummary::releaseId).containsExactly("r3", "r2");
        assertThat(rest.items()).extracting(ReleaseSummary::releaseId).containsExactly("r1", "r0");
        assertThat(first.items().get(0).artists()).containsExactly(new ArtistRef("band", "The Band"));
        assertThat(browse.genres()).containsExactly(new GenreCount("shoegaze", 2), new GenreCount("dream pop", 1));
    }

    @Test
    void summariesByIdLeaveOutWhatTheCatalogDoesNotKnow() {
        model.deliver(release("r1", "First", List.of("band"), null, List.of(),
                track("t1", "One", 1, 1, List.of("guest"), List.of("SE"))));

        assertThat(browse.trackSummaries(List.of("t1", "nothing"), "DK")).containsOnlyKeys("t1");
        CatalogBrowse.TrackSummary one = browse.trackSummaries(List.of("t1"), "DK").get("t1");
        assertThat(one.available()).isFalse();
        assertThat(one.isrc()).isEqualTo(String.format("QZTST%07d", Math.floorMod("t1".hashCode(), 10_000_000)));
        assertThat(one.unavailableReason()).isEqualTo("not licensed in DK");
        assertThat(one.artists()).containsExactly(new ArtistRef("guest", "Guest Singer"));
        assertThat(one.release().title()).isEqualTo("First");
        assertThat(browse.releaseSummaries(List.of("r1", "nothing"))).containsOnlyKeys("r1");
        assertThat(browse.artistRefs(List.of("band", "nobody"))).containsOnlyKeys("band");
        assertThat(browse.trackSummaries(List.of(), null)).isEmpty();
        assertThat(browse.releaseSummaries(List.of())).isEmpty();
    }
}
