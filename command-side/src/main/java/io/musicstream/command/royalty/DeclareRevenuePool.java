package io.musicstream.command.royalty;

import io.musicstream.events.account.Plan;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin declares the money to pay out for a period, territory and tier.
 *
 * @param period      {@code YYYY-MM}, the id of the period's aggregate
 * @param requestedAt when the server received the request (from the adapter's clock)
 */
public record DeclareRevenuePool(
        @TargetAggregateIdentifier String period,
        String territory,
        Plan tier,
        long amountMinor,
        String currency,
        String declaredBy,
        Instant requestedAt) {
}
