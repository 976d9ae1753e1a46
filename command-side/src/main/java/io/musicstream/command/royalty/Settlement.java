package io.musicstream.command.royalty;

import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One payout of a period: its final pools under the rules that decide it, over the usages settled up to some
 * period (docs/royalties.md, "Settlement and late plays").
 *
 * @param period  the period the streams were played in, {@code YYYY-MM}
 * @param sources each pool's usages and the period-wide facts, both from the same settlement bound
 */
public record Settlement(String period, RoyaltyRulesAdopted rules, List<DeclaredPool> pools, Sources sources) {

    /** A pool's usages and the facts of its period, read when the pool is paid out. */
    public interface Sources {
        Input of(String territory, Plan tier);
    }

    public record Input(Collection<Usage> usages, PeriodFacts facts) {
    }

    public Settlement {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(sources, "sources");
        pools = List.copyOf(pools);
    }

    /** The payout of {@code pool} over this settlement's usages. */
    PoolPayout payout(DeclaredPool pool) {
        Input input = sources.of(pool.territory(), pool.tier());
        return PayoutCalculator.split(pool.amountMinor(), rules, input.usages(), input.facts());
    }
}
