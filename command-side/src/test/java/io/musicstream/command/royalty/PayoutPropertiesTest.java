package io.musicstream.command.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random pools, rules, usages and shares under every model: exact sums, no negatives, order-free, and the
 * same answers as {@link PlainPayout}.
 */
class PayoutPropertiesTest {

    record Input(long pool, RoyaltyRulesAdopted rules, List<Usage> usages, PeriodFacts facts) {
    }

    @Property(tries = 500)
    void payoutsSumExactlyToThePoolOrTheWholePoolIsUnallocated(@ForAll("inputs") Input input) {
        PoolPayout payout = PayoutCalculator.split(input.pool(), input.rules(), input.usages(), input.facts());

        long paid = payout.lines().stream().mapToLong(PayoutLine::amountMinor).sum();
        assertThat(paid + payout.unallocatedMinor()).isEqualTo(input.pool());
        if (payout.lines().isEmpty()) {
            assertThat(payout.unallocatedMinor()).isEqualTo(input.pool());
        } else {
            assertThat(payout.unallocatedMinor()).isZero();
        }
    }

    @Property(tries = 500)
    void noAmountOrStreamCountIsNegative(@ForAll("inputs") Input input) {
        PoolPayout payout = PayoutCalculator.split(input.pool(), input.rules(), input.usages(), input.facts());

        assertThat(payout.unallocatedMinor()).isNotNegative();
        assertThat(payout.lines()).allSatisfy(line -> {
            assertThat(line.amountMinor()).isNotNegative();
            assertThat(line.streams()).isPositive();
        });
    }

    @Property(tries = 500)
    void theResultDoesNotDependOnTheOrderOfUsagesOrShares(@ForAll("inputs") Input input, @ForAll long seed) {
        Random random = new Random(seed);
        List<Usage> shuffled = new ArrayList<>();
        for (Usage usage : input.usages()) {
            List<Share> shares = new ArrayList<>(usage.shares());
            Collections.shuffle(shares, random);
            shuffled.add(new Usage(usage.userId(), usage.trackId(), usage.day(), usage.soughtOut(), usage.streams(),
                    shares));
        }
        Collections.shuffle(shuffled, random);

        assertThat(PayoutCalculator.split(input.pool(), input.rules(), shuffled, input.facts()))
                .isEqualTo(PayoutCalculator.split(input.pool(), input.rules(), input.usages(), input.facts()));
    }

    @Property(tries = 500)
    void theCalculatorAgreesWithAPlainRestatementOfTheRules(@ForAll("inputs") Input input) {
        assertThat(PayoutCalculator.split(input.pool(), input.rules(), input.usages(), input.facts()))
                .isEqualTo(PlainPayout.split(input.pool(), input.rules(), input.usages(), input.facts()));
    }

    @Property(tries = 200)
    void splittingAUsageInTwoPaysTheSameAsTheWhole(@ForAll("inputs") Input input) {
        List<Usage> halves = new ArrayList<>();
        for (Usage usage : input.usages()) {
            long half = usage.streams() / 2;
            halves.add(new Usage(usage.userId(), usage.trackId(), usage.day(), usage.soughtOut(), half, usage.shares()));
            halves.add(new Usage(usage.userId(), usage.trackId(), usage.day(), usage.soughtOut(),
                    usage.streams() - half, usage.shares()));
        }

        assertThat(PayoutCalculator.split(input.pool(), input.rules(), halves, input.facts()))
                .isEqualTo(PayoutCalculator.split(input.pool(), input.rules(), input.usages(), input.facts()));
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<Long> pool = Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000),
                Arbitraries.longs().between(0, RoyaltyPeriod.MAX_AMOUNT_MINOR));
        Arbitrary<RoyaltyRulesAdopted> rules = Combinators.combine(
                        Arbitraries.of(PayoutModel.class), Arbitraries.longs().between(0, 60),
                        Arbitraries.integers().between(0, 30), Arbitraries.longs().between(0, 200),
                        Arbitraries.longs().between(0, 10), Arbitraries.integers().between(1, RoyaltyRules.MAX_WEIGHT),
                        Arbitraries.integers().between(1, RoyaltyRules.MAX_WEIGHT))
                .as((model, minTrack, cap, artistStreams, artistListeners, artistWeight, soughtOutWeight) ->
                        new RoyaltyRulesAdopted(2, model, minTrack, cap, artistStreams, artistListeners, artistWeight,
                                soughtOutWeight, Instant.EPOCH, "admin-1"));
        Arbitrary<Share> share = Combinators.combine(Arbitraries.of("p0", "p1", "p2", "p3"),
                Arbitraries.integers().between(1, 10_000)).as(Share::new);
        Arbitrary<Usage> usage = Combinators.combine(Arbitraries.of("u0", "u1", "u2", "u3", "u4"),
                        Arbitraries.of("t0", "t1", "t2", "t3", "t4", "t5"), Arbitraries.integers().between(1, 3),
                        Arbitraries.of(true, false),
                        Arbitraries.oneOf(Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, 1_000_000)),
                        share.list().ofMinSize(1).ofMaxSize(4))
                .as((user, track, day, soughtOut, streams, shares) ->
                        new Usage(user, track, LocalDate.of(2026, 11, day), soughtOut, streams, shares));
        Arbitrary<PeriodFacts> facts = Combinators.combine(
                        Arbitraries.longs().between(0, 100).list().ofSize(6),
                        Arbitraries.of("a0", "a1", "a2").list().ofMaxSize(2).list().ofSize(6),
                        Arbitraries.longs().between(0, 300).list().ofSize(3),
                        Arbitraries.longs().between(0, 20).list().ofSize(3))
                .as((trailing, artists, reachStreams, reachListeners) -> {
                    Map<String, Long> trailingStreams = new HashMap<>();
                    Map<String, List<String>> trackArtists = new HashMap<>();
                    Map<String, PeriodFacts.ArtistReach> reach = new HashMap<>();
                    for (int t = 0; t < 6; t++) {
                        trailingStreams.put("t" + t, trailing.get(t));
                        trackArtists.put("t" + t, artists.get(t));
                    }
                    for (int a = 0; a < 3; a++) {
                        reach.put("a" + a, new PeriodFacts.ArtistReach(reachStreams.get(a), reachListeners.get(a)));
                    }
                    return new PeriodFacts(trailingStreams, trackArtists, reach);
                });
        return Combinators.combine(pool, rules, usage.list().ofMaxSize(40), facts).as(Input::new);
    }
}
