package io.musicstream.command.royalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of issue 17 and docs/royalties.md, and the boundaries of each step. */
class PayoutCalculatorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final List<Share> LABEL_ONLY = List.of(new Share("label-x", 10_000));

    static RoyaltyRulesAdopted rules(PayoutModel model, long minTrackStreams, int userDailyCap) {
        return new RoyaltyRulesAdopted(2, model, minTrackStreams, userDailyCap, 1_000, 500, 2, 2,
                Instant.parse("2026-01-01T00:00:00Z"), "admin-1");
    }

    static RoyaltyRulesAdopted rules(PayoutModel model) {
        return rules(model, 0, 0);
    }

    private static Usage usage(String user, String track, long streams, List<Share> shares) {
        return new Usage(user, track, DAY, false, streams, shares);
    }

    private static PayoutLine line(String track, String party, long streams, long amount) {
        return new PayoutLine(track, party, streams, amount);
    }

    @Test
    void proRataSplitsAPoolByEachTracksShareOfStreamsAndEachTrackByItsHolders() {
        List<Share> sixtyForty = List.of(new Share("label-x", 6_000), new Share("publisher-y", 4_000));
        List<Usage> usages = List.of(
                usage("u1", "A", 600, sixtyForty),
                usage("u1", "B", 300, List.of(new Share("label-b", 10_000))),
                usage("u2", "C", 100, List.of(new Share("label-c", 10_000))));

        PoolPayout payout = PayoutCalculator.split(1_000_000, rules(PayoutModel.PRO_RATA), usages, PeriodFacts.none());

        assertThat(payout.lines()).containsExactly(
                line("A", "label-x", 600, 360_000),
                line("A", "publisher-y", 600, 240_000),
                line("B", "label-b", 300, 300_000),
                line("C", "label-c", 100, 100_000));
        assertThat(payout.unallocatedMinor()).isZero();
        assertThat(payout.allocated()).isTrue();
    }

    @Test
    void proRataPaysTheHeavyListenersTracksMoreThanUserCentricDoes() {
        List<Usage> usages = List.of(usage("u1", "A", 900, LABEL_ONLY),
                usage("u2", "C", 100, List.of(new Share("label-c", 10_000))));

        PoolPayout proRata = PayoutCalculator.split(20_000, rules(PayoutModel.PRO_RATA), usages, PeriodFacts.none());
        PoolPayout userCentric = PayoutCalculator.split(20_000, rules(PayoutModel.USER_CENTRIC), usages,
                PeriodFacts.none());

        assertThat(proRata.lines()).containsExactly(line("A", "label-x", 900, 18_000), line("C", "label-c", 100, 2_000));
        assertThat(userCentric.lines()).containsExactly(line("A", "label-x", 900, 10_000),
                line("C", "label-c", 100, 10_000));
    }

    /**
     * Artist "big" has 1,500 streams from 600 listeners (established), "small" 900 from 800 and "niche" 2,000
     * from 100 (neither). Weights: A by big 100 x2 = 200 and sought out 25 x2 x2 = 100; B by small sought out
     * 100 x2 = 200; C by niche 300. Total 800 over 1,000.00: A 375.00, B 250.00, C 375.00.
     */
    @Test
    void artistCentricDoublesEstablishedArtistsAndSoughtOutStreamsAndBothFourfold() {
        PeriodFacts facts = new PeriodFacts(Map.of(),
                Map.of("A", List.of("big"), "B", List.of("small"), "C", List.of("niche")),
                Map.of("big", new PeriodFacts.ArtistReach(1_500, 600), "small", new PeriodFacts.ArtistReach(900, 800),
                        "niche", new PeriodFacts.ArtistReach(2_000, 100)));
        List<Share> a = List.of(new Share("pa", 10_000));
        List<Usage> usages = List.of(
                new Usage("u1", "A", DAY, false, 100, a),
                new Usage("u2", "A", DAY, true, 25, a),
                new Usage("u1", "B", DAY, true, 100, List.of(new Share("pb", 10_000))),
                new Usage("u3", "C", DAY, false, 300, List.of(new Share("pc", 10_000))));

        PoolPayout payout = PayoutCalculator.split(100_000, rules(PayoutModel.ARTIST_CENTRIC), usages, facts);

        assertThat(payout.lines()).containsExactly(line("A", "pa", 125, 37_500), line("B", "pb", 100, 25_000),
                line("C", "pc", 300, 37_500));
        assertThat(PayoutCalculator.split(100_000, rules(PayoutModel.PRO_RATA), usages, facts).lines())
                .as("the same usages pro-rata").containsExactly(line("A", "pa", 125, 23_809),
                        line("B", "pb", 100, 19_048), line("C", "pc", 300, 57_143));
    }

    @Test
    void aTrackWithAnyEstablishedArtistWeighsDouble() {
        PeriodFacts facts = new PeriodFacts(Map.of(), Map.of("A", List.of("small", "big"), "B", List.of("small")),
                Map.of("big", new PeriodFacts.ArtistReach(1_000, 500), "small", new PeriodFacts.ArtistReach(999, 500)));
        List<Usage> usages = List.of(usage("u1", "A", 10, List.of(new Share("pa", 10_000))),
                usage("u1", "B", 10, List.of(new Share("pb", 10_000))));

        assertThat(PayoutCalculator.split(300, rules(PayoutModel.ARTIST_CENTRIC), usages, facts).lines())
                .as("exactly 1,000 streams from exactly 500 listeners qualify; 999 do not")
                .containsExactly(line("A", "pa", 10, 200), line("B", "pb", 10, 100));
    }

    @Test
    void aTrackOneStreamShortOfTheMinimumEarnsNothingAndLeavesTheDenominator() {
        PeriodFacts facts = new PeriodFacts(Map.of("short", 999L, "enough", 1_000L), Map.of(), Map.of());
        List<Usage> usages = List.of(usage("u1", "short", 10, List.of(new Share("p-short", 10_000))),
                usage("u1", "enough", 10, List.of(new Share("p-enough", 10_000))));

        PoolPayout payout = PayoutCalculator.split(1_000, rules(PayoutModel.PRO_RATA, 1_000, 0), usages, facts);

        assertThat(payout.lines()).containsExactly(line("enough", "p-enough", 10, 1_000));
    }

    @Test
    void aPoolWithNoEligibleStreamsIsCarriedUnallocated() {
        PeriodFacts facts = new PeriodFacts(Map.of("short", 999L), Map.of(), Map.of());
        PoolPayout payout = PayoutCalculator.split(1_000, rules(PayoutModel.USER_CENTRIC, 1_000, 0),
                List.of(usage("u1", "short", 10, LABEL_ONLY)), facts);

        assertThat(payout.lines()).isEmpty();
        assertThat(payout.unallocatedMinor()).isEqualTo(1_000);
        assertThat(payout.allocated()).isFalse();
        assertThat(PayoutCalculator.split(1_000, rules(PayoutModel.PRO_RATA), List.of(), PeriodFacts.none())
                .unallocatedMinor()).isEqualTo(1_000);
    }

    @Test
    void aUserDayAtTheCapKeepsEveryStreamAndOneOverIsCutToTheCap() {
        List<Share> other = List.of(new Share("p-other", 10_000));
        List<Usage> atCap = List.of(usage("heavy", "A", 10, LABEL_ONLY), usage("light", "B", 10, other));
        List<Usage> overCap = List.of(usage("heavy", "A", 11, LABEL_ONLY), usage("light", "B", 10, other));

        assertThat(PayoutCalculator.split(2_000, rules(PayoutModel.PRO_RATA, 0, 10), atCap, PeriodFacts.none()).lines())
                .containsExactly(line("A", "label-x", 10, 1_000), line("B", "p-other", 10, 1_000));
        assertThat(PayoutCalculator.split(2_000, rules(PayoutModel.PRO_RATA, 0, 10), overCap, PeriodFacts.none()).lines())
                .containsExactly(line("A", "label-x", 10, 1_000), line("B", "p-other", 10, 1_000));
    }

    @Test
    void theCapIsApportionedOverAUserDaysTracksByLargestRemainder() {
        List<Usage> usages = List.of(usage("u1", "A", 6, List.of(new Share("pa", 10_000))),
                usage("u1", "B", 5, List.of(new Share("pb", 10_000))),
                new Usage("u1", "A", DAY.plusDays(1), false, 6, List.of(new Share("pa", 10_000))));

        PoolPayout payout = PayoutCalculator.split(1_600, rules(PayoutModel.PRO_RATA, 0, 10), usages, PeriodFacts.none());

        assertThat(payout.lines()).as("day 1: 60/11 and 50/11 floor to 5 and 4, B's remainder is larger; day 2 under")
                .containsExactly(line("A", "pa", 11, 1_100), line("B", "pb", 5, 500));
    }

    @Test
    void aCapTieGoesToTheFirstTrackId() {
        List<Usage> usages = List.of(usage("u1", "B", 1, List.of(new Share("pb", 10_000))),
                usage("u1", "A", 1, List.of(new Share("pa", 10_000))));

        assertThat(PayoutCalculator.split(10, rules(PayoutModel.PRO_RATA, 0, 1), usages, PeriodFacts.none()).lines())
                .containsExactly(line("A", "pa", 1, 10));
    }

    @Test
    void aTrackWhoseSharesChangedMidPeriodPaysEachShareListForItsOwnStreams() {
        List<Share> before = List.of(new Share("label-x", 10_000));
        List<Share> after = List.of(new Share("label-x", 5_000), new Share("publisher-y", 5_000));
        List<Usage> usages = List.of(usage("u1", "A", 300, before), usage("u2", "A", 100, after));

        PoolPayout payout = PayoutCalculator.split(4_000, rules(PayoutModel.PRO_RATA), usages, PeriodFacts.none());

        assertThat(payout.lines()).containsExactly(line("A", "label-x", 400, 3_500), line("A", "publisher-y", 100, 500));
    }

    @Test
    void aShareListIsTheSameWhateverTheOrderOfItsShares() {
        List<Usage> usages = List.of(
                usage("u1", "A", 1, List.of(new Share("x", 5_000), new Share("y", 5_000))),
                usage("u2", "A", 1, List.of(new Share("y", 5_000), new Share("x", 5_000))));

        assertThat(PayoutCalculator.split(3, rules(PayoutModel.PRO_RATA), usages, PeriodFacts.none()).lines())
                .as("one group of 2 streams: 3 over 50/50 gives x the odd unit")
                .containsExactly(line("A", "x", 2, 2), line("A", "y", 2, 1));
    }

    @Test
    void roundingTiesGoToTheFirstTrackIdThenTheFirstPartyId() {
        List<Usage> usages = new ArrayList<>(List.of(
                usage("u1", "t-c", 1, List.of(new Share("p-c", 10_000))),
                usage("u1", "t-a", 1, List.of(new Share("p-a2", 5_000), new Share("p-a1", 5_000))),
                usage("u1", "t-b", 1, List.of(new Share("p-b", 10_000)))));

        PoolPayout payout = PayoutCalculator.split(100, rules(PayoutModel.PRO_RATA), usages, PeriodFacts.none());
        Collections.reverse(usages);

        assertThat(payout.lines()).containsExactly(line("t-a", "p-a1", 1, 17), line("t-a", "p-a2", 1, 17),
                line("t-b", "p-b", 1, 33), line("t-c", "p-c", 1, 33));
        assertThat(PayoutCalculator.split(100, rules(PayoutModel.PRO_RATA), usages, PeriodFacts.none()))
                .isEqualTo(payout);
        assertThat(PayoutCalculator.split(1, rules(PayoutModel.PRO_RATA), usages.subList(1, 2), PeriodFacts.none())
                .lines()).as("one unit over two equal holders")
                .containsExactly(line("t-a", "p-a1", 1, 1), line("t-a", "p-a2", 1, 0));
    }

    @Test
    void userCentricSplitsThePoolEquallyOverUsersTiesToTheFirstUserId() {
        List<Usage> usages = List.of(usage("u2", "B", 5, List.of(new Share("pb", 10_000))),
                usage("u1", "A", 7, List.of(new Share("pa", 10_000))),
                usage("u3", "C", 1, List.of(new Share("pc", 10_000))));

        assertThat(PayoutCalculator.split(100, rules(PayoutModel.USER_CENTRIC), usages, PeriodFacts.none()).lines())
                .containsExactly(line("A", "pa", 7, 34), line("B", "pb", 5, 33), line("C", "pc", 1, 33));
    }

    @Test
    void aNegativePoolIsRefused() {
        assertThatThrownBy(() -> PayoutCalculator.split(-1, rules(PayoutModel.PRO_RATA), List.of(), PeriodFacts.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
