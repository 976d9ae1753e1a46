package io.musicstream.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.events.catalog.AudioFeatures;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackRemovedFromRelease;
import io.musicstream.events.catalog.TrackRestored;
import io.musicstream.events.catalog.TrackTakenDown;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleaseTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-21T11:00:00Z");
    private final Set<String> knownArtists = new HashSet<>(Set.of("queen"));
    private AggregateTestFixture<Release> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Release.class);
        fixture.registerInjectableResource((ArtistDirectory) ids -> {
            Set<String> unknown = new HashSet<>(ids);
            unknown.removeAll(knownArtists);
            return unknown;
        });
    }

    static TrackSpec track(String isrc, int number, List<RightsShare> shares) {
        return new TrackSpec("t-" + isrc, isrc, "Bohemian Rhapsody", 354_000, 1, number, false, List.of("queen"),
                new AudioFeatures(72, 0.4, 0.2, 0.3, 0.3, 0.0, -9.9), List.of("WW"), shares);
    }

    static List<RightsShare> fullShares() {
        return List.of(new RightsShare("emi", "EMI", RightsRole.RECORDING_OWNER, 6_000),
                new RightsShare("sony", "Sony Music Publishing", RightsRole.PUBLISHER, 4_000));
    }

    static IngestRelease ingest(List<TrackSpec> tracks, Instant at) {
        return new IngestRelease("r-1", "00602547202734", "A Night at the Opera", ReleaseType.ALBUM, List.of("queen"),
                "EMI", LocalDate.of(1975, 11, 21), List.of("rock"), null, tracks, at);
    }

    static ReleaseIngested ingested(IngestRelease c) {
        return new ReleaseIngested(c.releaseId(), c.upc(), c.title(), c.releaseType(), c.artistIds(), c.label(),
                c.releaseDate(), c.genres(), c.artworkUrl(), c.tracks(), c.ingestedAt());
    }

    @Test
    void ingestingANewReleaseRecordsItWithAllTracks() {
        IngestRelease command = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        fixture.givenNoPriorActivity().when(command).expectSuccessfulHandlerExecution()
                .expectEvents(ingested(command));
    }

    @Test
    void ingestingTheSameReleaseAgainWritesNothing() {
        IngestRelease first = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        fixture.given(ingested(first)).when(ingest(first.tracks(), T1)).expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRedeliveryWritesOnlyWhatChanged() {
        TrackSpec kept = track("GBUM71029604", 1, fullShares());
        TrackSpec dropped = track("GBUM71029605", 2, fullShares());
        IngestRelease first = ingest(List.of(kept, dropped), T0);
        TrackSpec renamed = new TrackSpec(kept.trackId(), kept.isrc(), "Bohemian Rhapsody (Remastered 2011)",
                kept.durationMs(), 1, 1, false, kept.artistIds(), kept.audioFeatures(), kept.territories(),
                kept.rightsHolders());
        TrackSpec added = track("GBUM71029606", 3, fullShares());
        IngestRelease second = new IngestRelease("r-1", first.upc(), first.title(), first.releaseType(),
                first.artistIds(), "EMI Records", first.releaseDate(), first.genres(), null, List.of(renamed, added), T1);
        fixture.given(ingested(first)).when(second).expectSuccessfulHandlerExecution().expectEvents(
                new ReleaseMetadataUpdated("r-1", first.title(), first.releaseType(), first.artistIds(), "EMI Records",
                        first.releaseDate(), first.genres(), null, T1),
                new TrackMetadataUpdated("r-1", renamed, T1),
                new TrackAddedToRelease("r-1", added, T1),
                new TrackRemovedFromRelease("r-1", dropped.trackId(), T1));
    }

    @Test
    void takingATrackDownEverywhereTwiceWritesOnce() {
        IngestRelease first = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        String trackId = first.tracks().get(0).trackId();
        fixture.given(ingested(first), new TrackTakenDown("r-1", trackId, List.of(), "rights expired", T0))
                .when(new TakeDownTrack("r-1", trackId, List.of(), "rights expired", T1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void territoryTakedownsRecordOnlyNewlyBlockedTerritories() {
        IngestRelease first = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        String trackId = first.tracks().get(0).trackId();
        fixture.given(ingested(first), new TrackTakenDown("r-1", trackId, List.of("SE"), "dispute", T0))
                .when(new TakeDownTrack("r-1", trackId, List.of("SE", "NO", "DK"), "dispute", T1))
                .expectEvents(new TrackTakenDown("r-1", trackId, List.of("DK", "NO"), "dispute", T1));
    }

    @Test
    void restoringLiftsTakedownsPerTerritoryOrEverywhere() {
        IngestRelease first = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        String trackId = first.tracks().get(0).trackId();
        TrackTakenDown blocked = new TrackTakenDown("r-1", trackId, List.of("NO", "SE"), "dispute", T0);
        fixture.given(ingested(first), blocked)
                .when(new RestoreTrack("r-1", trackId, List.of("SE", "FI"), T1))
                .expectEvents(new TrackRestored("r-1", trackId, List.of("SE"), T1));
        fixture.given(ingested(first), blocked)
                .when(new RestoreTrack("r-1", trackId, List.of(), T1))
                .expectEvents(new TrackRestored("r-1", trackId, List.of(), T1));
        fixture.given(ingested(first))
                .when(new RestoreTrack("r-1", trackId, List.of(), T1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aTerritoryCannotBeRestoredWhileTheTrackIsDownEverywhere() {
        IngestRelease first = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        String trackId = first.tracks().get(0).trackId();
        fixture.given(ingested(first), new TrackTakenDown("r-1", trackId, List.of(), "rights expired", T0))
                .when(new RestoreTrack("r-1", trackId, List.of("SE"), T1))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void takedownsNeedAKnownTrackAndAReason() {
        IngestRelease first = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        fixture.given(ingested(first)).when(new TakeDownTrack("r-1", "no-such-track", List.of(), "x", T1))
                .expectException(UnknownItemException.class).expectNoEvents();
        fixture.given(ingested(first))
                .when(new TakeDownTrack("r-1", first.tracks().get(0).trackId(), List.of("Sweden"), " ", T1))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(allOf(containsString("reason is required"), containsString("territories")))
                .expectNoEvents();
    }

    @Test
    void updatingTrackMetadataWritesTheNewStateOrNothing() {
        TrackSpec original = track("GBUM71029604", 1, fullShares());
        IngestRelease first = ingest(List.of(original), T0);
        TrackSpec explicit = new TrackSpec(original.trackId(), original.isrc(), original.title(),
                original.durationMs(), 1, 1, true, original.artistIds(), original.audioFeatures(),
                original.territories(), original.rightsHolders());
        fixture.given(ingested(first)).when(new UpdateTrackMetadata("r-1", explicit, T1))
                .expectEvents(new TrackMetadataUpdated("r-1", explicit, T1));
        fixture.given(ingested(first)).when(new UpdateTrackMetadata("r-1", original, T1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aTrackKeepsItsIsrc() {
        TrackSpec original = track("GBUM71029604", 1, fullShares());
        TrackSpec otherRecording = new TrackSpec(original.trackId(), "GBUM71029699", original.title(),
                original.durationMs(), 1, 1, false, original.artistIds(), original.audioFeatures(),
                original.territories(), original.rightsHolders());
        fixture.given(ingested(ingest(List.of(original), T0)))
                .when(new UpdateTrackMetadata("r-1", otherRecording, T1))
                .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void releaseWithoutTracksIsRefused() {
        fixture.givenNoPriorActivity().when(ingest(List.of(), T0))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("a release needs at least one track").expectNoEvents();
    }

    @Test
    void everyFaultIsNamedAtOnce() {
        List<TrackSpec> tracks = new ArrayList<>();
        tracks.add(track("GBUM71029604", 1, List.of(new RightsShare("emi", "EMI", RightsRole.RECORDING_OWNER, 5_000))));
        tracks.add(track("GBUM71029604", 2, fullShares()));
        tracks.add(new TrackSpec("t-x", "GBUM71029606", "x", -5, 1, 3, false, List.of("nobody"), null, List.of("WW"),
                fullShares()));
        fixture.givenNoPriorActivity().when(ingest(tracks, T0))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(allOf(
                        containsString("tracks[0].rightsHolders shares sum to 50.0%, not 100%"),
                        containsString("tracks[1].isrc GBUM71029604 appears more than once"),
                        containsString("tracks[2].durationMs must be positive"),
                        containsString("unknown artist ids: nobody")))
                .expectNoEvents();
    }

    @Test
    void rulesAcceptAWellFormedRelease() {
        assertThat(ReleaseRules.faults(ingest(List.of(track("GBUM71029604", 1, fullShares())), T0))).isEmpty();
    }

    @Test
    void textNoReadModelCanHoldIsRefusedNamingEachField() {
        List<TrackSpec> tracks = List.of(new TrackSpec("t-1", "GBUM71029604", "Bohemian\u0000Rhapsody", 354_000, 1, 1,
                false, List.of("queen"), null, List.of("WW"),
                List.of(new RightsShare("emi", "E\u0085MI", RightsRole.RECORDING_OWNER, 10_000))));
        IngestRelease bad = new IngestRelease("r-1", "00602547202734", "A Night\u007f", ReleaseType.ALBUM,
                List.of("queen"), "E".repeat(201), null, List.of("g".repeat(40 * 1024)), "javascript:alert(1)",
                tracks, T0);
        fixture.givenNoPriorActivity().when(bad)
                .expectException(io.musicstream.command.common.InvalidInputException.class)
                .expectExceptionMessage(allOf(containsString("title: must not contain control characters"),
                        containsString("label: must be at most 200 characters"),
                        containsString("genres[0]: must be at most 100 characters, got 40960"),
                        containsString("artworkUrl: must be an http or https URL"),
                        containsString("tracks[0].title: must not contain control characters"),
                        containsString("tracks[0].rightsHolders[0].name: must not contain control characters")))
                .expectNoEvents();
    }

    @Test
    void aTakedownReasonWithControlCharactersIsRefused() {
        IngestRelease release = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        fixture.given(ingested(release))
                .when(new TakeDownTrack("r-1", "t-GBUM71029604", List.of(), "rights\u0000dispute", T1))
                .expectException(io.musicstream.command.common.InvalidInputException.class)
                .expectExceptionMessage("reason: must not contain control characters (U+0000 at 6)")
                .expectNoEvents();
    }

    @Test
    void anUpdatedTrackIsCheckedLikeAnIngestedOne() {
        IngestRelease release = ingest(List.of(track("GBUM71029604", 1, fullShares())), T0);
        TrackSpec bad = new TrackSpec("t-GBUM71029604", "GBUM71029604", "x".repeat(501), 354_000, 1, 1, false,
                List.of("queen"), null, List.of("WW"), fullShares());
        fixture.given(ingested(release))
                .when(new UpdateTrackMetadata("r-1", bad, T1))
                .expectException(io.musicstream.command.common.InvalidInputException.class)
                .expectExceptionMessage("track.title: must be at most 500 characters, got 501")
                .expectNoEvents();
    }
}
