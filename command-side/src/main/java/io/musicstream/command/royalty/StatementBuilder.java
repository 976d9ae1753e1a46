package io.musicstream.command.royalty;

import io.musicstream.events.account.Plan;
import io.musicstream.events.ids.CodePoints;
import io.musicstream.events.royalty.StatementLine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the payouts of a period's pools into one statement per rights holder: a holder's payout lines merged
 * per track, territory, tier, period of the streams and currency, with totals per currency and the digest.
 * Amounts are only regrouped, never rounded again, so the statements' totals of a currency sum to its pools'
 * allocated amounts exactly.
 */
public final class StatementBuilder {

    private StatementBuilder() {
    }

    private record Key(String trackId, String territory, Plan tier, String forPeriod, String currency) {
    }

    /**
     * @param isrcs the ISRC of every track with a payout line
     * @return one statement per holder with a payout line, ordered by partyId in code point order
     * @throws IllegalArgumentException when a track has no ISRC
     */
    public static List<Statement> build(String period, Collection<PaidPool> pools, Map<String, String> isrcs) {
        Map<String, Map<Key, long[]>> byParty = new TreeMap<>(CodePoints.ORDER);
        for (PaidPool pool : pools) {
            for (PayoutLine line : pool.payout().lines()) {
                Key key = new Key(line.trackId(), pool.territory(), pool.tier(), pool.forPeriod(), pool.currency());
                long[] sum = byParty.computeIfAbsent(line.partyId(), p -> new HashMap<>())
                        .computeIfAbsent(key, k -> new long[2]);
                sum[0] = Math.addExact(sum[0], line.streams());
                sum[1] = Math.addExact(sum[1], line.amountMinor());
            }
        }
        List<Statement> statements = new ArrayList<>(byParty.size());
        byParty.forEach((partyId, sums) -> {
            List<StatementLine> lines = new ArrayList<>(sums.size());
            sums.forEach((key, sum) -> lines.add(new StatementLine(key.trackId(), isrc(isrcs, key.trackId()),
                    key.territory(), key.tier(), key.forPeriod(), sum[0], sum[1], key.currency())));
            lines.sort(StatementDigest.LINE_ORDER);
            var totals = StatementDigest.totals(lines);
            statements.add(new Statement(period, partyId, lines, totals,
                    StatementDigest.digest(period, partyId, lines, totals)));
        });
        return List.copyOf(statements);
    }

    private static String isrc(Map<String, String> isrcs, String trackId) {
        String isrc = isrcs.get(trackId);
        if (isrc == null) {
            throw new IllegalArgumentException("no ISRC for track " + trackId);
        }
        return isrc;
    }
}
