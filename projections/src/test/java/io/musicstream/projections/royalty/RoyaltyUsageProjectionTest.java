package io.musicstream.projections.royalty;

import static io.musicstream.projections.royalty.RoyaltyReadModel.added;
import static io.musicstream.projections.royalty.RoyaltyReadModel.play;
import static io.musicstream.projections.royalty.RoyaltyReadModel.release;
import static io.musicstream.projections.royalty.RoyaltyReadModel.track;
import static io.musicstream.projections.royalty.RoyaltyReadModel.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.playback.PlayContext;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.royalty.RoyaltyUsages.ArtistStreams;
import io.musicstream.projections.royalty.RoyaltyUsages.PoolKey;
import io.musicstream.projections.royalty.RoyaltyUsages.Share;
import io.musicstream.projections.royalty.RoyaltyUsages.TrackStreams;
import io.musicstream.projections.royalty.RoyaltyUsages.Usage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The royalty usage read model, given catalog events and plays: share versions over time, counted streams per
 * pool, user, track, share version and day, and what its reader answers; a failed batch retried and a replay
 * after a reset give the same rows.
 */
class RoyaltyUsageProjectionTest {

    private RoyaltyReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new RoyaltyReadModel();
    }

    @Test
    void countedPlaysAreUsageUnderTheSharesInForceWhenTheyStarted() {
        model.deliver(release("r1", "2026-10-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:6000",
                "y:PUBLISHER:4000")));
        model.deliver(play("t1", "2026-11-03T10:00:00Z"), play("t1", "2026-11-03T11:00:00Z"),
                play("t1", "2026-11-04T10:00:00Z"));

        assertThat(model.usageLines()).containsExactly("2026-11 SE FREE u1 t1 v1 2026-11-03 - 2",
                "2026-11 SE FREE u1 t1 v1 2026-11-04 - 1");
        assertThat(model.usages("2026-11", "SE", "FREE")).containsExactly(
                new Usage("u1", "t1", LocalDate.parse("2026-11-03"), false, 2, 1,
                        List.of(new Share("x", "RECORDING_OWNER", 6000), new Share("y", "PUBLISHER", 4000)),
                        List.of("a1")),
                new Usage("u1", "t1", LocalDate.parse("2026-11-04"), false, 1, 1,
                        List.of(new Share("x", "RECORDING_OWNER", 6000), new Share("y", "PUBLISHER", 4000)),
                        List.of("a1")));
    }

    @Test
    void sharesChangedMidPeriodGiveTwoVersionsAndPlaysSplitByTheirStart() {
        model.deliver(release("r1", "2026-10-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")));
        model.deliver(play("t1", "2026-11-10T11:59:59.999Z"));
        model.deliver(updated("r1", "2026-11-10T12:00:00Z", track("t1", "x:RECORDING_OWNER:5000",
                "z:PUBLISHER:5000")));
        model.deliver(play("t1", "2026-11-10T12:00:00Z"), play("t1", "2026-11-20T08:00:00Z"));

        assertThat(model.table("select version, valid_from::text, party_ids, basis_points, roles, isrc, artist_ids"
                + " from royalty_track_share order by version")).containsExactly(
                Map.of("version", 1, "valid_from", "2026-10-01 00:00:00+00", "party_ids", List.of("x"),
                        "basis_points", List.of(10000), "roles", List.of("RECORDING_OWNER"), "isrc", "QZt1",
                        "artist_ids", List.of("a1")),
                Map.of("version", 2, "valid_from", "2026-11-10 12:00:00+00", "party_ids", List.of("x", "z"),
                        "basis_points", List.of(5000, 5000), "roles", List.of("RECORDING_OWNER", "PUBLISHER"),
                        "isrc", "QZt1", "artist_ids", List.of("a1")));
        assertThat(model.usageLines()).containsExactly("2026-11 SE FREE u1 t1 v1 2026-11-10 - 1",
                "2026-11 SE FREE u1 t1 v2 2026-11-10 - 1", "2026-11 SE FREE u1 t1 v2 2026-11-20 - 1");
        assertThat(model.usages("2026-11", "SE", "FREE")).extracting(Usage::shareVersion, Usage::shares)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, List.of(new Share("x", "RECORDING_OWNER", 10000))),
                        org.assertj.core.groups.Tuple.tuple(2, List.of(new Share("x", "RECORDING_OWNER", 5000),
                                new Share("z", "PUBLISHER", 5000))),
                        org.assertj.core.groups.Tuple.tuple(2, List.of(new Share("x", "RECORDING_OWNER", 5000),
                                new Share("z", "PUBLISHER", 5000))));
    }

    @Test
    void aPlayStartedBeforeItsReleaseWasIngestedPaysTheFirstHolders() {
        model.deliver(release("r1", "2026-10-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")));
        model.deliver(play("t1", "2026-09-30T23:00:00Z"));

        assertThat(model.usages("2026-09", "SE", "FREE")).extracting(Usage::shareVersion, Usage::shares)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1,
                        List.of(new Share("x", "RECORDING_OWNER", 10000))));
    }

    @Test
    void anOfflinePlayReportedAfterAShareChangeUsesTheVersionAtItsStart() {
        model.deliver(release("r1", "2026-10-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")));
        model.deliver(updated("r1", "2026-11-15T00:00:00Z", track("t1", "y:RECORDING_OWNER:10000")));
        model.deliver(play("t1", "2026-11-14T23:00:00Z"), play("t1", "2026-11-15T01:00:00Z"));

        assertThat(model.usageLines()).containsExactly("2026-11 SE FREE u1 t1 v1 2026-11-14 - 1",
                "2026-11 SE FREE u1 t1 v2 2026-11-15 - 1");
    }

    @Test
    void aShareChangeAndPlaysInOneBatchUseTheVersionAtEachStart() {
        model.deliver(release("r1", "2026-10-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")),
                play("t1", "2026-11-14T23:00:00Z"),
                updated("r1", "2026-11-15T00:00:00Z", track("t1", "y:RECORDING_OWNER:10000")),
                play("t1", "2026-11-15T01:00:00Z"));

        assertThat(model.usageLines()).containsExactly("2026-11 SE FREE u1 t1 v1 2026-11-14 - 1",
                "2026-11 SE FREE u1 t1 v2 2026-11-15 - 1");
    }

    @Test
    void anUpdateThatKeepsTheSharesAppendsNoVersion() {
        model.deliver(release("r1", "2026-10-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")));
        model.deliver(updated("r1", "2026-11-15T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")),
                added("r1", "2026-11-16T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")));

        assertThat(model.table("select version from royalty_track_share")).containsExactly(Map.of("version", 1));
    }

    @Test
    void aChangeDatedBeforeTheLatestVersionTakesEffectFromIt() {
        model.deliver(release("r1", "2026-11-15T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")));
        model.deliver(updated("r1", "2026-11-01T00:00:00Z", track("t1", "y:RECORDING_OWNER:10000")));

        assertThat(model.table("select version, valid_from::text from royalty_track_share order by version"))
                .containsExactly(Map.of("version", 1, "valid_from", "2026-11-15 00:00:00+00"),
                        Map.of("version", 2, "valid_from", "2026-11-15 00:00:00+00"));
    }

    @Test
    void streamsPlayedBeforeTheCatalogNamesHoldersPayNobody() {
        model.deliver(play("t1", "2026-11-01T10:00:00Z"));
        model.deliver(release("r1", "2026-11-02T00:00:00Z", track("t2")), added("r1", "2026-11-02T00:00:00Z",
                track("t1", "x:RECORDING_OWNER:10000")));
        model.deliver(play("t1", "2026-11-03T10:00:00Z"), play("t2", "2026-11-03T10:00:00Z"));

        assertThat(model.usageLines()).containsExactly("2026-11 SE FREE u1 t1 v0 2026-11-01 - 1",
                "2026-11 SE FREE u1 t1 v1 2026-11-03 - 1", "2026-11 SE FREE u1 t2 v0 2026-11-03 - 1");
        assertThat(model.usages("2026-11", "SE", "FREE")).extracting(Usage::shares, Usage::artistIds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of(), List.of()),
                        org.assertj.core.groups.Tuple.tuple(List.of(new Share("x", "RECORDING_OWNER", 10000)),
                                List.of("a1")),
                        org.assertj.core.groups.Tuple.tuple(List.of(), List.of()));
    }

    @Test
    void uncountedPlaysAreIgnored() {
        model.deliver(play("t1", "2026-11-01T10:00:00Z").notCounted());

        assertThat(model.rows().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    }

    @Test
    void aPlayIsPaidFromThePoolOfItsTierAndAPlayWithoutOneFromFree() {
        model.deliver(new io.musicstream.events.playback.TrackPlayed("p-premium", "u1", "t1",
                        Instant.parse("2026-11-01T10:00:00Z"), 200_000, "phone", "SE", "SE", "r1", List.of("a1"), null,
                        null, false, true, 2, io.musicstream.events.account.Plan.PREMIUM),
                play("t1", "2026-11-01T11:00:00Z"));

        assertThat(model.usageLines()).containsExactly("2026-11 SE FREE u1 t1 v0 2026-11-01 - 1",
                "2026-11 SE PREMIUM u1 t1 v0 2026-11-01 - 1");
    }

    @Test
    void periodAndDayAreTheUtcOnesOfTheStartAndAnUnknownTerritoryIsXx() {
        model.deliver(play("t1", "2026-10-31T23:59:59.999Z"), play("t1", "2026-11-01T00:00:00Z").in(null),
                play("t1", "2026-11-30T23:59:59.999Z").in("DK"));

        assertThat(model.usageLines()).containsExactly("2026-10 SE FREE u1 t1 v0 2026-10-31 - 1",
                "2026-11 DK FREE u1 t1 v0 2026-11-30 - 1", "2026-11 XX FREE u1 t1 v0 2026-11-01 - 1");
        assertThat(model.usages.pools(YearMonth.parse("2026-11"))).containsExactly(new PoolKey("DK", "FREE"),
                new PoolKey("XX", "FREE"));
        assertThat(model.usages.pools(YearMonth.parse("2026-10"))).containsExactly(new PoolKey("SE", "FREE"));
    }

    @Test
    void searchAndLibraryAreSoughtOutButPlaylistsAlbumsAndUnknownContextsAreNot() {
        model.deliver(play("t1", "2026-11-01T10:00:00Z").from(PlayContext.Type.SEARCH),
                play("t1", "2026-11-01T10:00:00Z").from(PlayContext.Type.LIBRARY),
                play("t1", "2026-11-01T10:00:00Z").from(PlayContext.Type.PLAYLIST),
                play("t1", "2026-11-01T10:00:00Z").from(PlayContext.Type.RADIO),
                play("t1", "2026-11-01T10:00:00Z").from(null),
                play("t1", "2026-11-01T10:00:00Z"));

        assertThat(model.usageLines()).containsExactly("2026-11 SE FREE u1 t1 v0 2026-11-01 - 4",
                "2026-11 SE FREE u1 t1 v0 2026-11-01 sought 2");
    }

    @Test
    void aFailedBatchDeliveredAgainCountsOnce() {
        RoyaltyReadModel.Play good = play("t1", "2026-11-01T10:00:00Z");
        RoyaltyReadModel.Play poison = play("t2", "2026-11-01T10:00:00Z").by("bad\u0000user");
        model.deliver(release("r1", "2026-10-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")));

        assertThatThrownBy(() -> model.deliver(good, updated("r1", "2026-10-15T00:00:00Z",
                track("t1", "y:RECORDING_OWNER:10000")), poison))
                .isInstanceOf(Storable.UnstorableEventException.class);
        assertThat(model.table("select * from royalty_usage")).isEmpty();
        model.deliver(good, updated("r1", "2026-10-15T00:00:00Z", track("t1", "y:RECORDING_OWNER:10000")));

        assertThat(model.usageLines()).containsExactly("2026-11 SE FREE u1 t1 v2 2026-11-01 - 1");
        assertThat(model.table("select version from royalty_track_share order by version"))
                .containsExactly(Map.of("version", 1), Map.of("version", 2));
    }

    @Test
    void aReplayAfterAResetGivesTheSameRows() {
        Object[] events = {release("r1", "2026-10-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000")),
                play("t1", "2026-11-01T10:00:00Z"), play("t1", "2026-11-01T11:00:00Z").by("u2").of("a1", "a2"),
                updated("r1", "2026-11-10T00:00:00Z", track("t1", "x:RECORDING_OWNER:5000", "y:PUBLISHER:5000")),
                play("t1", "2026-11-12T10:00:00Z").in("NO").from(PlayContext.Type.SEARCH),
                play("t1", "2026-11-09T10:00:00Z").notCounted()};
        model.deliver(events);
        Map<String, List<Map<String, Object>>> before = model.rows();

        model.projection.reset();
        assertThat(model.rows().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        model.deliverEach(events);

        assertThat(model.rows()).isEqualTo(before);
        assertThat(before.get("usage")).hasSize(3);
    }

    @Test
    void tracksTrailingStreamsSumTheTwelvePeriodsEndingWithTheGivenOne() {
        model.deliver(play("t1", "2025-11-30T23:59:59Z"), play("t1", "2025-12-01T00:00:00Z").in("DK"),
                play("t1", "2026-06-15T00:00:00Z").by("u2"), play("t2", "2026-11-30T23:59:59Z"),
                play("t1", "2026-12-01T00:00:00Z"), play("t1", "2026-11-01T00:00:00Z").notCounted());

        assertThat(model.trailing("2026-11")).containsExactly(new TrackStreams("t1", 2), new TrackStreams("t2", 1));
        assertThat(model.trailing("2025-11")).containsExactly(new TrackStreams("t1", 1));
    }

    @Test
    void artistsStreamsAndDistinctListenersCoverEveryTerritoryAndTier() {
        model.deliver(play("t1", "2026-11-01T10:00:00Z").of("a1", "a2", "a1"),
                play("t2", "2026-11-02T10:00:00Z").of("a1").in("DK"),
                play("t1", "2026-11-03T10:00:00Z").of("a1").by("u2").in(null),
                play("t1", "2026-12-01T10:00:00Z").of("a3"));

        assertThat(model.artists("2026-11")).containsExactly(new ArtistStreams("a1", 3, 2),
                new ArtistStreams("a2", 1, 1));
    }

    @Test
    void aPoolsUsagesComeByUserTrackVersionAndDayAndStayInTheirPool() {
        model.deliver(play("t2", "2026-11-02T10:00:00Z").by("u2"), play("t1", "2026-11-02T10:00:00Z").by("u2"),
                play("t1", "2026-11-01T10:00:00Z"), play("t1", "2026-11-01T10:00:00Z").in("DK"));

        assertThat(model.usages("2026-11", "SE", "FREE")).extracting(Usage::userId, Usage::trackId, Usage::streams)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u1", "t1", 1L),
                        org.assertj.core.groups.Tuple.tuple("u2", "t1", 1L),
                        org.assertj.core.groups.Tuple.tuple("u2", "t2", 1L));
        assertThat(model.usages("2026-11", "SE", "PREMIUM")).isEmpty();
    }
}
