package io.musicstream.infra.processors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A processor is stalled when it is behind the head of the event store and its position has not moved for
 * {@code stallAfter}. An idle processor (not behind) is never stalled: its clock restarts at every sample.
 */
final class StallRule {

    private final Clock clock;
    private final Duration stallAfter;
    private long lastPosition = Long.MIN_VALUE;
    private Instant lastProgress;

    StallRule(Clock clock, Duration stallAfter) {
        this.clock = clock;
        this.stallAfter = stallAfter;
    }

    /** Records a sample; returns whether the processor counts as stalled now. */
    synchronized boolean observe(long position, long behind) {
        Instant now = clock.instant();
        if (lastProgress == null || position != lastPosition || behind <= 0) {
            lastProgress = now;
        }
        lastPosition = position;
        return behind > 0 && Duration.between(lastProgress, now).compareTo(stallAfter) > 0;
    }

    /** Time since the position last moved (or the processor was last caught up). */
    synchronized Duration sinceProgress() {
        return lastProgress == null ? Duration.ZERO : Duration.between(lastProgress, clock.instant());
    }
}
