package io.musicstream.sagas.royalty;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * When the period close saga acts.
 *
 * @param grace how long after a period's end plays reported late (offline devices) are waited for
 * @param retry how long to wait before asking again when the royalty read model has not caught up
 */
public record RoyaltyCloseTiming(Duration grace, Duration retry) {

    public RoyaltyCloseTiming {
        if (grace == null || grace.isNegative() || retry == null || retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("grace must be >= 0 and retry > 0, got " + grace + " and " + retry);
        }
    }

    /** The first instant at which {@code period} may close by itself: its end plus the grace window. */
    public Instant closesAt(YearMonth period) {
        return period.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plus(grace);
    }
}
