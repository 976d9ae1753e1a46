package io.musicstream.events.royalty;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A period is closed: its pools are final and the rules version recorded decides its payout.
 *
 * @param period       a calendar month in UTC, {@code YYYY-MM}
 * @param rulesVersion the royalty rules version in force at the period's end
 */
@Revision("1")
public record RoyaltyPeriodClosed(
        String period,
        int rulesVersion,
        Instant closedAt,
        String closedBy) implements RoyaltyEvent {
}
