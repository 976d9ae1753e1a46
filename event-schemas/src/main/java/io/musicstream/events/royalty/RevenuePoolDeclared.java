package io.musicstream.events.royalty;

import io.musicstream.events.account.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The money to pay out for one period, territory and tier. A later declaration of the same territory and
 * tier in the period replaces the amount; the currency stays the one first declared.
 *
 * @param period      a calendar month in UTC, {@code YYYY-MM}
 * @param territory   ISO 3166-1 alpha-2, as {@code TrackPlayed.playedIn}
 * @param amountMinor the amount in minor units of {@code currency} (ISO 4217)
 */
@Revision("1")
public record RevenuePoolDeclared(
        String period,
        String territory,
        Plan tier,
        long amountMinor,
        String currency,
        Instant declaredAt,
        String declaredBy) implements RoyaltyEvent {
}
