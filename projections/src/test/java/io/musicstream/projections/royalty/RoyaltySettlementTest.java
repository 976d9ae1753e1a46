package io.musicstream.projections.royalty;

import static io.musicstream.projections.royalty.RoyaltyReadModel.at;
import static io.musicstream.projections.royalty.RoyaltyReadModel.closed;
import static io.musicstream.projections.royalty.RoyaltyReadModel.play;
import static io.musicstream.projections.royalty.RoyaltyReadModel.release;
import static io.musicstream.projections.royalty.RoyaltyReadModel.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.projections.royalty.RoyaltyUsages.ArtistStreams;
import io.musicstream.projections.royalty.RoyaltyUsages.TrackStreams;
import io.musicstream.projections.royalty.RoyaltyUsages.Usage;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counted plays are settled in the first period at or after their own that no close before them in the event
 * stream (lower global index) closed; the reader answers by settlement bound. Redelivery and replay give the
 * same rows.
 */
class RoyaltySettlementTest {

    private RoyaltyReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new RoyaltyReadModel();
        model.deliver(at(1, release("r1", "2026-01-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000"))));
    }

    @Test
    void aPlayBeforeItsPeriodsCloseIsOnTimeAndOneAfterItIsSettledInTheNextPeriod() {
        model.deliver(at(10, play("t1", "2026-10-05T10:00:00Z")), at(11, closed("2026-10")),
                at(12, play("t1", "2026-10-06T10:00:00Z")), at(13, play("t1", "2026-11-02T10:00:00Z")));

        assertThat(model.settledLines()).containsExactly("2026-10 2026-10 u1 t1 2026-10-05 1",
                "2026-10 2026-11 u1 t1 2026-10-06 1", "2026-11 2026-11 u1 t1 2026-11-02 1");
        assertThat(model.usages.settledLateIn(YearMonth.parse("2026-11"))).containsExactly(YearMonth.parse("2026-10"));
        assertThat(model.usages.settledLateIn(YearMonth.parse("2026-10"))).isEmpty();
    }

    @Test
    void theOrderInTheStreamDecidesNotTheOrderOfBatches() {
        model.deliver(at(11, closed("2026-10")));
        // a play numbered before the close but handed over after it (it committed later) is on time
        model.deliver(at(10, play("t1", "2026-10-05T10:00:00Z")), at(12, play("t1", "2026-10-06T10:00:00Z")));

        assertThat(model.settledLines()).containsExactly("2026-10 2026-10 u1 t1 2026-10-05 1",
                "2026-10 2026-11 u1 t1 2026-10-06 1");
    }

    @Test
    void aLatePlayLandsInTheFirstOpenPeriodWhenSeveralInARowAreClosed() {
        model.deliver(at(10, closed("2026-10")));
        model.deliver(at(11, closed("2026-11")), at(12, play("t1", "2026-10-31T23:59:59Z")),
                at(13, play("t1", "2026-11-30T10:00:00Z")));
        model.deliver(at(14, closed("2026-12")), at(15, play("t1", "2026-10-01T00:00:00Z")));

        assertThat(model.settledLines()).containsExactly("2026-10 2026-12 u1 t1 2026-10-31 1",
                "2026-10 2027-01 u1 t1 2026-10-01 1", "2026-11 2026-12 u1 t1 2026-11-30 1");
        assertThat(model.usages.settledLateIn(YearMonth.parse("2026-12")))
                .containsExactly(YearMonth.parse("2026-10"), YearMonth.parse("2026-11"));
        assertThat(model.usages.settledLateIn(YearMonth.parse("2027-01"))).containsExactly(YearMonth.parse("2026-10"));
    }

    @Test
    void closesHandedOverWithoutATokenCountInTheOrderTheyCame() {
        model.deliver(play("t1", "2026-10-05T10:00:00Z"), closed("2026-10"), play("t1", "2026-10-06T10:00:00Z"));
        model.deliver(play("t1", "2026-10-07T10:00:00Z"));

        assertThat(model.settledLines()).containsExactly("2026-10 2026-10 u1 t1 2026-10-05 1",
                "2026-10 2026-11 u1 t1 2026-10-06 1", "2026-10 2026-11 u1 t1 2026-10-07 1");
    }

    @Test
    void theReaderTakesTheUsagesSettledUpToABound() {
        model.deliver(at(10, play("t1", "2026-10-05T10:00:00Z").of("a1")),
                at(11, play("t1", "2026-10-05T11:00:00Z").by("u2").of("a1")), at(12, closed("2026-10")),
                at(13, play("t1", "2026-10-05T12:00:00Z").of("a1")),
                at(14, play("t1", "2026-10-05T13:00:00Z").by("u3").of("a1")));

        assertThat(usages("2026-10", "2026-10")).extracting(Usage::userId, Usage::streams)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u1", 1L),
                        org.assertj.core.groups.Tuple.tuple("u2", 1L));
        assertThat(usages("2026-10", "2026-11")).extracting(Usage::userId, Usage::streams)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u1", 2L),
                        org.assertj.core.groups.Tuple.tuple("u2", 1L), org.assertj.core.groups.Tuple.tuple("u3", 1L));
        assertThat(usages("2026-10", "2026-09")).isEmpty();

        List<TrackStreams> trailing = new ArrayList<>();
        model.usages.trailingTrackStreams(YearMonth.parse("2026-10"), YearMonth.parse("2026-10"), trailing::add);
        assertThat(trailing).containsExactly(new TrackStreams("t1", 2));
        List<ArtistStreams> artists = new ArrayList<>();
        model.usages.artistStreams(YearMonth.parse("2026-10"), YearMonth.parse("2026-11"), artists::add);
        assertThat(artists).containsExactly(new ArtistStreams("a1", 4, 3));
        assertThat(model.usages.isrcs(List.of("t1", "t9"))).containsExactly(java.util.Map.entry("t1", "QZt1"));
    }

    @Test
    void aBatchDeliveredAgainAndAReplayGiveTheSameRows() {
        Object[] events = {at(10, play("t1", "2026-10-05T10:00:00Z")), at(11, closed("2026-10")),
                at(12, play("t1", "2026-10-06T10:00:00Z")), at(13, closed("2026-11")),
                at(14, play("t1", "2026-10-07T10:00:00Z").by("u2")), at(15, play("t1", "2026-11-07T10:00:00Z"))};
        model.deliver(events[0], events[1], events[2]);
        model.deliver(events[3], events[4], events[5]);
        var live = model.rows();

        model.projection.reset();
        model.deliver(at(1, release("r1", "2026-01-01T00:00:00Z", track("t1", "x:RECORDING_OWNER:10000"))));
        for (Object event : events) {
            model.deliver(event);
        }
        assertThat(model.rows()).isEqualTo(live);
        assertThat(model.settledLines()).containsExactly("2026-10 2026-10 u1 t1 2026-10-05 1",
                "2026-10 2026-11 u1 t1 2026-10-06 1", "2026-10 2026-12 u2 t1 2026-10-07 1",
                "2026-11 2026-12 u1 t1 2026-11-07 1");
    }

    @Test
    void aFailedBatchDeliveredAgainCountsOnce() {
        model.deliver(at(10, closed("2026-10")));
        Object late = at(11, play("t1", "2026-10-06T10:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.deliver(late,
                at(12, play("t1", "2026-10-07T10:00:00Z").by("u\u0000"))));
        model.deliver(late);

        assertThat(model.settledLines()).containsExactly("2026-10 2026-11 u1 t1 2026-10-06 1");
        assertThat(model.table("select * from royalty_late_settlement")).hasSize(1);
    }

    private List<Usage> usages(String period, String settledBy) {
        List<Usage> all = new ArrayList<>();
        model.usages.usages(YearMonth.parse(period), "SE", "FREE", YearMonth.parse(settledBy), all::add);
        return all;
    }
}
