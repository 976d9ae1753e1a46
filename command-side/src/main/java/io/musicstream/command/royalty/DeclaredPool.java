package io.musicstream.command.royalty;

import io.musicstream.events.account.Plan;
import java.util.Objects;

/** A period's final pool for one territory and tier: the latest declaration before the close. */
public record DeclaredPool(String territory, Plan tier, long amountMinor, String currency) {

    public DeclaredPool {
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(currency, "currency");
    }
}
