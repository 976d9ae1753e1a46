package io.musicstream.command.royalty;

import io.musicstream.events.ids.CodePoints;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statements of a period P when it closes (docs/royalties.md, "Issuing statements"): own lines, each P pool
 * over the usages of P settled in P; and adjustment lines for each earlier period Q with usages settled in P,
 * the payout of Q's pools over its usages settled up to P minus the payout over those settled before P, per
 * track and holder in each pool. Pure: the caller reads the usages, pools and rules.
 */
public final class PeriodStatements {

    private PeriodStatements() {
    }

    /**
     * An earlier period's payout over its usages settled up to the closing period, and over those settled before it.
     */
    public record Adjustment(Settlement upTo, Settlement before) {
        public Adjustment {
            if (!upTo.period().equals(before.period())) {
                throw new IllegalArgumentException("an adjustment compares one period: " + upTo.period() + " "
                        + before.period());
            }
        }
    }

    /**
     * @param paid        the own pools' payouts, then each adjustment's differences, all with their forPeriod
     * @param unallocated the own pools that had no usage to pay (nothing paid from them)
     */
    public record Result(List<PaidPool> paid, List<DeclaredPool> unallocated) {
    }

    /** The pools' payouts of period {@code own.period()} and its adjustments of earlier periods. */
    public static Result paidPools(Settlement own, Collection<Adjustment> adjustments) {
        List<PaidPool> paid = new ArrayList<>();
        List<DeclaredPool> unallocated = new ArrayList<>();
        for (DeclaredPool pool : own.pools()) {
            PoolPayout payout = own.payout(pool);
            if (!payout.allocated()) {
                unallocated.add(pool);
            }
            paid.add(new PaidPool(own.period(), pool.territory(), pool.tier(), pool.currency(), payout));
        }
        for (Adjustment adjustment : adjustments) {
            if (adjustment.upTo().period().compareTo(own.period()) >= 0) {
                throw new IllegalArgumentException("adjustments are of earlier periods than " + own.period()
                        + ", got " + adjustment.upTo().period());
            }
            for (DeclaredPool pool : adjustment.upTo().pools()) {
                PoolPayout difference = difference(adjustment.upTo().payout(pool), adjustment.before().payout(pool));
                if (!difference.lines().isEmpty()) {
                    paid.add(new PaidPool(adjustment.upTo().period(), pool.territory(), pool.tier(), pool.currency(),
                            difference));
                }
            }
        }
        return new Result(List.copyOf(paid), List.copyOf(unallocated));
    }

    /** One statement per holder with a line of the period's payouts or adjustments. */
    public static List<Statement> statements(String period, Result result, Map<String, String> isrcs) {
        return StatementBuilder.build(period, result.paid(), isrcs);
    }

    /** Both steps, for callers that know every ISRC up front. */
    public static List<Statement> statements(Settlement own, Collection<Adjustment> adjustments,
                                             Map<String, String> isrcs) {
        return statements(own.period(), paidPools(own, adjustments), isrcs);
    }

    /** The track ids with a line in {@code result}: the ISRCs a statement needs. */
    public static List<String> trackIds(Result result) {
        return result.paid().stream().flatMap(p -> p.payout().lines().stream()).map(PayoutLine::trackId)
                .distinct().sorted().toList();
    }

    /**
     * {@code after} minus {@code before} per track and holder, streams and amount; lines where both are 0 are
     * left out. Its amounts sum to what {@code after} allocated minus what {@code before} did.
     */
    public static PoolPayout difference(PoolPayout after, PoolPayout before) {
        Map<List<String>, long[]> sums = new TreeMap<>((a, b) -> {
            int c = CodePoints.ORDER.compare(a.get(0), b.get(0));
            return c != 0 ? c : CodePoints.ORDER.compare(a.get(1), b.get(1));
        });
        for (PayoutLine line : after.lines()) {
            long[] sum = sums.computeIfAbsent(List.of(line.trackId(), line.partyId()), k -> new long[2]);
            sum[0] = Math.addExact(sum[0], line.streams());
            sum[1] = Math.addExact(sum[1], line.amountMinor());
        }
        for (PayoutLine line : before.lines()) {
            long[] sum = sums.computeIfAbsent(List.of(line.trackId(), line.partyId()), k -> new long[2]);
            sum[0] = Math.subtractExact(sum[0], line.streams());
            sum[1] = Math.subtractExact(sum[1], line.amountMinor());
        }
        List<PayoutLine> lines = new ArrayList<>();
        long total = 0;
        for (var entry : sums.entrySet()) {
            long[] sum = entry.getValue();
            if (sum[0] != 0 || sum[1] != 0) {
                lines.add(new PayoutLine(entry.getKey().get(0), entry.getKey().get(1), sum[0], sum[1]));
                total = Math.addExact(total, sum[1]);
            }
        }
        return new PoolPayout(total, lines, 0);
    }
}
