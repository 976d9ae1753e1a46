package io.musicstream.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.musicstream.events.account.Plan;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import io.musicstream.events.serialization.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay's fold over raw events, as the event store holds them, into the rows a period's statements need. */
class ReplayFoldTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    /** The fold's rows, in memory. */
    private static final class Rows implements ReplayRows {
        final List<ShareVersion> shares = new ArrayList<>();
        final Map<PlayKey, Long> streams = new HashMap<>();
        final Map<ArtistKey, Long> artists = new HashMap<>();

        @Override
        public void share(ShareVersion version) {
            shares.add(version);
        }

        @Override
        public void stream(PlayKey play) {
            streams.merge(play, 1L, Long::sum);
        }

        @Override
        public void artistStream(ArtistKey artist) {
            artists.merge(artist, 1L, Long::sum);
        }
    }

    private final Rows rows = new Rows();
    private long index;

    private void feed(ReplayFold fold, Object event) {
        try {
            fold.accept(new RawEvent(++index, event.getClass().getName(), revision(event),
                    EventJson.objectMapper().writeValueAsBytes(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String revision(Object event) {
        return event instanceof TrackPlayed ? "3" : "1";
    }

    private void feedRaw(ReplayFold fold, String type, String revision, String json) {
        fold.accept(new RawEvent(++index, type, revision, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static TrackSpec track(String trackId, RightsShare... holders) {
        return new TrackSpec(trackId, "ISRC-" + trackId, "Title", 200_000, 1, 1, false, List.of("a-1"), null,
                List.of("WW"), List.of(holders));
    }

    private static RightsShare share(String party, int basisPoints) {
        return new RightsShare(party, party, RightsRole.RECORDING_OWNER, basisPoints);
    }

    private static ReleaseIngested release(Instant at, TrackSpec... tracks) {
        return new ReleaseIngested("r-1", "00602547924971", "Release", ReleaseType.ALBUM, List.of("a-1"), "Label",
                LocalDate.of(2026, 1, 1), List.of(), null, List.of(tracks), at);
    }

    private static TrackPlayed play(String userId, String trackId, String startedAt, boolean counted, Plan tier,
                                    PlayContext.Type context) {
        return new TrackPlayed("p-" + userId + startedAt, userId, trackId, Instant.parse(startedAt), 200_000, null,
                "DK", "DK", "r-1", List.of("a-1", "a-2", "a-1"), null,
                context == null ? null : new PlayContext(context, null), false, counted, 2, tier);
    }

    private static ReplayRows.PlayKey key(YearMonth period, String territory, String tier, YearMonth settledIn,
                                          String user, String track, int version, String day, boolean soughtOut) {
        return new ReplayRows.PlayKey(period.toString(), territory, tier, settledIn.toString(), user, track, version,
                LocalDate.parse(day), soughtOut);
    }

    @Test
    void countedPlaysAreKeyedByPoolDayAndTheShareVersionInForceAtTheirStart() {
        ReplayFold fold = new ReplayFold(NOVEMBER, null, rows);
        feed(fold, release(Instant.parse("2026-10-01T00:00:00Z"), track("t-1", share("p-1", 7000),
                share("p-2", 3000))));
        feed(fold, play("u-1", "t-1", "2026-10-03T10:00:00Z", true, Plan.PREMIUM, PlayContext.Type.SEARCH));
        feed(fold, play("u-1", "t-1", "2026-10-03T11:00:00Z", true, Plan.PREMIUM, PlayContext.Type.SEARCH));
        feed(fold, play("u-1", "t-1", "2026-10-03T12:00:00Z", false, Plan.PREMIUM, PlayContext.Type.SEARCH));
        feed(fold, play("u-2", "t-1", "2026-09-30T23:59:59Z", true, null, PlayContext.Type.ALBUM));
        feed(fold, new TrackMetadataUpdated("r-1", track("t-1", share("p-1", 5000), share("p-3", 5000)),
                Instant.parse("2026-10-10T00:00:00Z")));
        // the same holders again: no new version
        feed(fold, new TrackMetadataUpdated("r-1", track("t-1", share("p-1", 5000), share("p-3", 5000)),
                Instant.parse("2026-10-20T00:00:00Z")));
        feed(fold, play("u-1", "t-1", "2026-10-12T10:00:00Z", true, Plan.PREMIUM, PlayContext.Type.PLAYLIST));
        // an offline play reported after the change is paid under the shares of when it was played
        feed(fold, play("u-3", "t-1", "2026-10-05T10:00:00Z", true, Plan.FREE, PlayContext.Type.LIBRARY));

        assertThat(rows.shares).extracting(ReplayRows.ShareVersion::version, ReplayRows.ShareVersion::partyIds,
                        ReplayRows.ShareVersion::basisPoints)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, List.of("p-1", "p-2"), List.of(7000, 3000)),
                        org.assertj.core.groups.Tuple.tuple(2, List.of("p-1", "p-3"), List.of(5000, 5000)));
        assertThat(rows.streams).containsOnly(
                Map.entry(key(OCTOBER, "DK", "PREMIUM", OCTOBER, "u-1", "t-1", 1, "2026-10-03", true), 2L),
                // played before the release was ingested: paid to the track's first holders
                Map.entry(key(YearMonth.of(2026, 9), "DK", "FREE", YearMonth.of(2026, 9), "u-2", "t-1", 1,
                        "2026-09-30", false), 1L),
                Map.entry(key(OCTOBER, "DK", "PREMIUM", OCTOBER, "u-1", "t-1", 2, "2026-10-12", false), 1L),
                Map.entry(key(OCTOBER, "DK", "FREE", OCTOBER, "u-3", "t-1", 1, "2026-10-05", true), 1L));
        assertThat(rows.artists).containsEntry(new ReplayRows.ArtistKey("2026-10", "2026-10", "a-1", "u-1"), 3L)
                .containsEntry(new ReplayRows.ArtistKey("2026-10", "2026-10", "a-2", "u-1"), 3L);
        assertThat(fold.countedStreams()).isEqualTo(5);
    }

    @Test
    void aPlayOfAClosedPeriodIsSettledInTheNextOpenOne() {
        ReplayFold fold = new ReplayFold(NOVEMBER, null, rows);
        feed(fold, release(Instant.parse("2026-09-01T00:00:00Z"), track("t-1", share("p-1", 10_000))));
        feed(fold, play("u-1", "t-1", "2026-10-31T23:00:00Z", true, Plan.PREMIUM, null));
        feed(fold, new RoyaltyPeriodClosed("2026-10", 1, Instant.parse("2026-11-04T00:00:00Z"), "admin"));
        // late: October is closed when it arrives
        feed(fold, play("u-2", "t-1", "2026-10-30T08:00:00Z", true, Plan.PREMIUM, null));
        feed(fold, play("u-3", "t-1", "2026-11-02T08:00:00Z", true, Plan.PREMIUM, null));
        feed(fold, new RoyaltyPeriodClosed("2026-11", 1, Instant.parse("2026-12-04T00:00:00Z"), "admin"));
        // October and November both closed: settled in December, after the audited period, so left out
        feed(fold, play("u-4", "t-1", "2026-10-29T08:00:00Z", true, Plan.PREMIUM, null));

        assertThat(rows.streams).containsOnly(
                Map.entry(key(OCTOBER, "DK", "PREMIUM", OCTOBER, "u-1", "t-1", 1, "2026-10-31", false), 1L),
                Map.entry(key(OCTOBER, "DK", "PREMIUM", NOVEMBER, "u-2", "t-1", 1, "2026-10-30", false), 1L),
                Map.entry(key(NOVEMBER, "DK", "PREMIUM", NOVEMBER, "u-3", "t-1", 1, "2026-11-02", false), 1L));
        assertThat(fold.closes()).containsKeys(OCTOBER, NOVEMBER);
    }

    @Test
    void aRevisionOnePlayCountsByItsLengthInTheTerritoryItNamedFromTheFreePool() {
        ReplayFold fold = new ReplayFold(NOVEMBER, null, rows);
        feed(fold, release(Instant.parse("2026-11-01T00:00:00Z"), track("t-1", share("p-1", 10_000))));
        feedRaw(fold, ReplayFold.TRACK_PLAYED, "1", """
                {"playId":"p-1","userId":"u-1","trackId":"t-1","startedAt":"2026-11-21T12:00:00Z",
                 "msPlayed":183000,"deviceId":"phone-1","territory":"IS"}""");
        // too short to count under the first stream rules
        feedRaw(fold, ReplayFold.TRACK_PLAYED, "1", """
                {"playId":"p-2","userId":"u-1","trackId":"t-1","startedAt":"2026-11-21T13:00:00Z",
                 "msPlayed":1000,"deviceId":"phone-1","territory":"IS"}""");
        // no territory at all: counted where nobody pays
        feedRaw(fold, ReplayFold.TRACK_PLAYED, "1", """
                {"playId":"p-3","userId":"u-2","trackId":"t-1","startedAt":"2026-11-22T13:00:00Z",
                 "msPlayed":183000}""");

        assertThat(rows.streams).containsOnly(
                Map.entry(key(NOVEMBER, "IS", "FREE", NOVEMBER, "u-1", "t-1", 1, "2026-11-21", false), 1L),
                Map.entry(key(NOVEMBER, "XX", "FREE", NOVEMBER, "u-2", "t-1", 1, "2026-11-22", false), 1L));
        assertThat(rows.artists).isEmpty();
    }

    @Test
    void poolsAreTheLatestDeclarationBeforeTheClose() {
        ReplayFold fold = new ReplayFold(NOVEMBER, null, rows);
        feed(fold, new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 100, "DKK", Instant.EPOCH, "admin"));
        feed(fold, new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 200, "DKK", Instant.EPOCH, "admin"));
        feed(fold, new RoyaltyPeriodClosed("2026-11", 1, Instant.EPOCH, "admin"));
        feed(fold, new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 300, "DKK", Instant.EPOCH, "admin"));

        assertThat(fold.pools(NOVEMBER)).containsExactly(Map.entry(new ReplayFold.PoolKey("DK", Plan.PREMIUM),
                new ReplayFold.Pool(200, "DKK")));
    }

    @Test
    void timesAreReadAsInstantParseReadsThem() {
        for (String text : List.of("2026-11-21T12:00:00Z", "2026-11-21T12:00:00.5Z", "2026-11-21T12:00:00.123Z",
                "2026-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.000001Z",
                "2024-02-29T01:02:03Z", "2026-11-21T24:00:00Z", "2026-11-21T12:00:00.Z", "2026-11-21T12:00:00+01:00")) {
            assertThat(ReplayFold.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2026-02-29T12:00:00Z", "2026-11-21T25:00:00Z",
                "2026-13-01T00:00:00Z", "2026-11-21 12:00:00Z")) {
            assertThatThrownBy(() -> ReplayFold.parseInstant(text)).as(text)
                    .isInstanceOf(java.time.DateTimeException.class);
        }
    }

    @Test
    void aPayloadOfAnUnknownRevisionOrNotJsonStopsTheReplay() {
        ReplayFold fold = new ReplayFold(NOVEMBER, null, rows);
        assertThatThrownBy(() -> feedRaw(fold, ReplayFold.TRACK_PLAYED, "9", "{}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("revision 9");
        assertThatThrownBy(() -> feedRaw(fold, ReplayFold.TRACK_PLAYED, "3", "{not json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not readable");
    }
}
