package io.musicstream.command.royalty;

import io.musicstream.events.account.Plan;
import java.util.Objects;

/**
 * One pool's payout as a statement reads it.
 *
 * @param forPeriod the period the pool's streams belong to: the statement's own, or an earlier one for
 *                  adjustments (plays that arrived after that period closed)
 */
public record PaidPool(String forPeriod, String territory, Plan tier, String currency, PoolPayout payout) {

    public PaidPool {
        Objects.requireNonNull(forPeriod, "forPeriod");
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(payout, "payout");
    }
}
