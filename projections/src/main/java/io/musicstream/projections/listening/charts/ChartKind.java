package io.musicstream.projections.listening.charts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A chart's period: a UTC day, or an ISO week (Monday to Sunday, UTC). */
public enum ChartKind {
    DAILY("daily", 1),
    WEEKLY("weekly", 7);

    private final String wireName;
    private final int days;

    ChartKind(String wireName, int days) {
        this.wireName = wireName;
        this.days = days;
    }

    /** As the tables and the API name it. */
    public String wireName() {
        return wireName;
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate start(LocalDate day) {
        return this == DAILY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The last day of the period starting on {@code start}. */
    public LocalDate lastDay(LocalDate start) {
        return start.plusDays(days - 1);
    }

    /** The day after the period starting on {@code start}: its end, exclusive. */
    public LocalDate end(LocalDate start) {
        return start.plusDays(days);
    }

    /** The start of the period before the one starting on {@code start}. */
    public LocalDate previous(LocalDate start) {
        return start.minusDays(days);
    }
}
