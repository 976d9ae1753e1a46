package io.musicstream.events.playback;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A client reports that a user played a track. {@code playId} is chosen by the client and makes the report
 * idempotent: the same play reported twice is stored once.
 */
public record RecordPlay(
        @TargetAggregateIdentifier String playId,
        String userId,
        String trackId,
        Instant startedAt,
        long msPlayed,
        String deviceId,
        String territory) {
}
