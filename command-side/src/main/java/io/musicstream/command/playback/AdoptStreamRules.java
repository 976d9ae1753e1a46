package io.musicstream.command.playback;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin adopts new rules for counting plays as streams, in force from {@code effectiveFrom}.
 *
 * @param requestedAt when the server received the request (from the adapter's clock); rules never start
 *                    before it, so periods already past keep their counts
 */
public record AdoptStreamRules(
        long minMsPlayed,
        long repeatWindowMs,
        Instant effectiveFrom,
        String adoptedBy,
        Instant requestedAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return StreamRules.ID;
    }
}
