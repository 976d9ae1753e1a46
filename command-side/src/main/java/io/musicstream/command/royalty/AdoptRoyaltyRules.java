package io.musicstream.command.royalty;

import io.musicstream.events.royalty.PayoutModel;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin adopts new royalty rules, in force from {@code effectiveFrom}.
 *
 * @param requestedAt when the server received the request (from the adapter's clock); rules never start
 *                    before it, so a period already issued keeps its statements
 */
public record AdoptRoyaltyRules(
        PayoutModel model,
        long minTrackStreams,
        int userDailyCap,
        long artistMinStreams,
        long artistMinListeners,
        int artistWeight,
        int soughtOutWeight,
        Instant effectiveFrom,
        String adoptedBy,
        Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return RoyaltyRules.ID;
    }
}
