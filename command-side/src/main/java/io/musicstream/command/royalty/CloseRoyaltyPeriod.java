package io.musicstream.command.royalty;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin closes a period once it has ended: its pools become final.
 *
 * @param period      {@code YYYY-MM}, the id of the period's aggregate
 * @param requestedAt when the server received the request (from the adapter's clock)
 */
public record CloseRoyaltyPeriod(
        @TargetAggregateIdentifier String period,
        Instant requestedAt,
        String closedBy) {
}
