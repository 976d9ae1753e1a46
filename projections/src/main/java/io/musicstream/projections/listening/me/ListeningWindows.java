package io.musicstream.projections.listening.me;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The time windows of the listener's read models, in UTC days: the projection skips buckets older than what
 * any read looks at, retention deletes them, and reads filter by the same bounds, so answers never depend on
 * whether either happened.
 */
final class ListeningWindows {

    /** Heavy rotation: the last 14 UTC days, today included. */
    static final int HEAVY_ROTATION_DAYS = 14;
    /** Short-term top items: the last 28 UTC days, today included; daily buckets are kept this long. */
    static final int SHORT_TERM_DAYS = 28;
    /** Medium-term top items: the last 26 ISO weeks, this one included; weekly buckets are kept this long. */
    static final int MEDIUM_TERM_WEEKS = 26;
    /** A play's weight halves every this many days of age (heavy rotation). */
    static final double HALF_LIFE_DAYS = 7.0;

    private ListeningWindows() {
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The Monday (UTC) that starts the ISO week of {@code day}. */
    static LocalDate week(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first day heavy rotation reads. */
    static LocalDate firstHeavyRotationDay(LocalDate today) {
        return today.minusDays(HEAVY_ROTATION_DAYS - 1);
    }

    /** The first day short-term reads; older daily buckets are neither written nor kept. */
    static LocalDate firstShortTermDay(LocalDate today) {
        return today.minusDays(SHORT_TERM_DAYS - 1);
    }

    /** The first week medium-term reads; older weekly buckets are neither written nor kept. */
    static LocalDate firstMediumTermWeek(LocalDate today) {
        return week(today).minusWeeks(MEDIUM_TERM_WEEKS - 1);
    }
}
