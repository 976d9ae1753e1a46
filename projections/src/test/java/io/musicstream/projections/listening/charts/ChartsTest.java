package io.musicstream.projections.listening.charts;

import static io.musicstream.projections.listening.charts.ChartKind.DAILY;
import static io.musicstream.projections.listening.charts.ChartKind.WEEKLY;
import static io.musicstream.projections.listening.charts.ChartsFixture.noon;
import static io.musicstream.projections.listening.charts.ChartsFixture.play;
import static io.musicstream.projections.listening.charts.ChartsFixture.plays;
import static io.musicstream.projections.listening.charts.ChartsFixture.uncounted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.common.Storable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Given plays, the counts, the charts built from them and what the reader answers. */
class ChartsTest {

    /** A Monday. */
    private static final LocalDate MON = LocalDate.parse("2026-11-02");
    private static final LocalDate TUE = MON.plusDays(1);
    private static final LocalDate WED = MON.plusDays(2);
    private static final LocalDate THU = MON.plusDays(3);
    private static final LocalDate SUN = MON.plusDays(6);
    private static final LocalDate NEXT_MON = MON.plusDays(7);

    private final ChartsFixture f = new ChartsFixture();

    @Test
    void countedPlaysAreSummedPerUtcDayTrackAndTerritoryAndOthersAreSkipped() {
        f.deliver(play("t1", "SE", Instant.parse("2026-11-02T23:59:59.999Z")),
                play("t1", "SE", Instant.parse("2026-11-03T00:00:00Z")),
                play("t1", "SE", Instant.parse("2026-11-03T10:00:00Z")),
                play("t1", "NO", Instant.parse("2026-11-03T10:00:00Z")),
                play("t1", null, Instant.parse("2026-11-03T10:00:00Z")),
                uncounted("t1", "SE", Instant.parse("2026-11-03T10:00:00Z")));

        assertThat(f.streams()).containsExactly("2026-11-02 t1 SE 1", "2026-11-03 t1 NO 1", "2026-11-03 t1 SE 2",
                "2026-11-03 t1 XX 1");
    }

    @Test
    void playsWithoutATerritoryCountOnlyWorldwide() {
        f.deliver(plays(2, "t1", null, MON));
        f.deliver(plays(1, "t2", "SE", MON));
        f.deliver(plays(1, "t3", "se", MON));

        f.buildAt(TUE.atTime(1, 0).toInstant(java.time.ZoneOffset.UTC));

        assertThat(f.chart(DAILY, "WW", MON)).containsExactly("1 t1 2 null 1 1 NEW", "2 t2 1 null 2 1 NEW",
                "3 t3 1 null 3 1 NEW");
        assertThat(f.chart(DAILY, "SE", MON)).containsExactly("1 t2 1 null 1 1 NEW");
        assertThat(f.charts.chart(DAILY, "XX", MON, 200, 0).orElseThrow().entries()).isEmpty();
    }

    @Test
    void aBatchThatFailsCountsNothingAndCountsOnceWhenDeliveredAgain() {
        TrackPlayed a = play("t1", "SE", noon(MON));
        TrackPlayed b = play("t1", "SE", noon(MON).plusSeconds(60));
        TrackPlayed poison = play("bad\u0000id", "SE", noon(MON));

        assertThatThrownBy(() -> f.deliver(a, b, poison)).isInstanceOf(Storable.UnstorableEventException.class);
        assertThat(f.streams()).isEmpty();

        f.deliver(a, b);
        assertThat(f.streams()).containsExactly("2026-11-02 t1 SE 2");
    }

    @Test
    void tracksRankByStreamsWithTiesByTrackId() {
        f.deliver(concat(plays(2, "b", "SE", MON), plays(2, "a", "SE", MON), plays(3, "c", "SE", MON),
                plays(1, "d", "NO", MON), plays(1, "a", "NO", MON)));

        f.buildAt(TUE.atTime(1, 0).toInstant(java.time.ZoneOffset.UTC));

        assertThat(f.chart(DAILY, "SE", MON)).containsExactly("1 c 3 null 1 1 NEW", "2 a 2 null 2 1 NEW",
                "3 b 2 null 3 1 NEW");
        assertThat(f.chart(DAILY, "NO", MON)).containsExactly("1 a 1 null 1 1 NEW", "2 d 1 null 2 1 NEW");
        assertThat(f.chart(DAILY, "WW", MON)).containsExactly("1 a 3 null 1 1 NEW", "2 c 3 null 2 1 NEW",
                "3 b 2 null 3 1 NEW", "4 d 1 null 4 1 NEW");
    }

    @Test
    void aChartHoldsTheTop200AndPagesByPosition() {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            events.add(play(String.format("t%03d", i), "SE", noon(MON)));
        }
        f.deliver(events.toArray());
        f.buildAt(TUE.atTime(1, 0).toInstant(java.time.ZoneOffset.UTC));

        Charts.Chart page = f.charts.chart(DAILY, "SE", MON, 10, 195).orElseThrow();
        assertThat(page.total()).isEqualTo(200);
        assertThat(page.entries()).extracting(Charts.Entry::trackId).containsExactly("t195", "t196", "t197", "t198",
                "t199");
        assertThat(page.from()).isEqualTo(MON);
        assertThat(page.to()).isEqualTo(MON);
    }

    @Test
    void aDayIsBuiltOnceItsEndPlusTheGraceHasPassedByTheClockAndByTheProcessor() {
        f.deliver(plays(1, "t1", "SE", MON));

        assertThat(f.buildAt(TUE.atTime(0, 59).toInstant(java.time.ZoneOffset.UTC))).isEmpty();
        assertThat(f.charts.chart(DAILY, "SE", MON, 200, 0)).isEmpty();

        f.clock.now = TUE.atTime(1, 0).toInstant(java.time.ZoneOffset.UTC);
        f.handledThrough = TUE.atTime(0, 59, 59).toInstant(java.time.ZoneOffset.UTC);
        assertThat(f.builder.buildDue()).as("the processor has not passed the grace yet").isEmpty();

        f.handledThrough = TUE.atTime(1, 0).toInstant(java.time.ZoneOffset.UTC);
        assertThat(f.builder.buildDue()).containsExactly(new ChartBuilder.Built(DAILY, MON));
        assertThat(f.builder.dueAt(DAILY, MON)).isEqualTo(Instant.parse("2026-11-03T01:00:00Z"));
        assertThat(f.builder.dueAt(WEEKLY, WED)).isEqualTo(Instant.parse("2026-11-09T01:00:00Z"));
    }

    @Test
    void aWeekRunsMondayToSundayUtcAndSumsItsDays() {
        f.deliver(concat(plays(1, "t1", "SE", MON), plays(2, "t1", "SE", WED),
                new Object[] {play("t1", "SE", Instant.parse("2026-11-08T23:59:59.999Z")),
                        play("t1", "SE", Instant.parse("2026-11-09T00:00:00Z")),
                        play("t2", "SE", Instant.parse("2026-11-01T23:59:59Z"))}));

        assertThat(f.buildAt(NEXT_MON.atTime(0, 59).toInstant(java.time.ZoneOffset.UTC)))
                .doesNotContain(new ChartBuilder.Built(WEEKLY, MON));
        assertThat(f.buildAt(NEXT_MON.atTime(1, 0).toInstant(java.time.ZoneOffset.UTC)))
                .contains(new ChartBuilder.Built(WEEKLY, MON));

        Charts.Chart week = f.charts.chart(WEEKLY, "SE", THU, 200, 0).orElseThrow();
        assertThat(week.from()).isEqualTo(MON);
        assertThat(week.to()).isEqualTo(SUN);
        assertThat(f.chart(WEEKLY, "SE", SUN)).containsExactly("1 t1 4 null 1 1 NEW");
        assertThat(f.chart(WEEKLY, "SE", MON.minusDays(1))).as("the week before").containsExactly("1 t2 1 null 1 1 NEW");
        assertThat(f.chart(WEEKLY, "SE", null)).as("the latest built week").containsExactly("1 t1 4 null 1 1 NEW");
    }

    @Test
    void entriesCarryPreviousPositionPeakPeriodsOnChartAndStatus() {
        // Monday: a 3, b 2, c 1; Tuesday: b 3, a 2, d 1; Wednesday: b 3, a 2, c 1; Thursday: b 3, a 2, c 1
        f.deliver(concat(plays(3, "a", "SE", MON), plays(2, "b", "SE", MON), plays(1, "c", "SE", MON)));
        f.deliver(concat(plays(3, "b", "SE", TUE), plays(2, "a", "SE", TUE), plays(1, "d", "SE", TUE)));
        f.deliver(concat(plays(3, "b", "SE", WED), plays(2, "a", "SE", WED), plays(1, "c", "SE", WED)));
        f.deliver(concat(plays(3, "b", "SE", THU), plays(2, "a", "SE", THU), plays(1, "c", "SE", THU)));

        f.buildAt(THU.plusDays(1).atTime(1, 0).toInstant(java.time.ZoneOffset.UTC));

        assertThat(f.chart(DAILY, "SE", TUE)).containsExactly("1 b 3 2 1 2 UP", "2 a 2 1 1 2 DOWN",
                "3 d 1 null 3 1 NEW");
        assertThat(f.chart(DAILY, "SE", WED)).containsExactly("1 b 3 1 1 3 SAME", "2 a 2 2 1 3 SAME",
                "3 c 1 null 3 2 RE_ENTRY");
        assertThat(f.chart(DAILY, "SE", THU)).containsExactly("1 b 3 1 1 4 SAME", "2 a 2 2 1 4 SAME",
                "3 c 1 3 3 3 SAME");
    }

    @Test
    void daysWithoutPlaysAreBuiltEmptySoATrackBackAfterAGapIsAReEntry() {
        f.deliver(plays(1, "a", "SE", MON));
        f.deliver(plays(1, "a", "SE", WED));

        assertThat(f.buildAt(THU.atTime(1, 0).toInstant(java.time.ZoneOffset.UTC))).containsExactly(
                new ChartBuilder.Built(DAILY, MON), new ChartBuilder.Built(DAILY, TUE), new ChartBuilder.Built(DAILY, WED));

        assertThat(f.charts.chart(DAILY, "SE", TUE, 200, 0).orElseThrow().entries()).isEmpty();
        assertThat(f.chart(DAILY, "SE", WED)).containsExactly("1 a 1 null 1 2 RE_ENTRY");
        assertThat(f.chart(DAILY, "SE", null)).as("the latest built day").containsExactly("1 a 1 null 1 2 RE_ENTRY");
        assertThat(f.charts.chart(DAILY, "SE", THU, 200, 0)).as("not built yet").isEmpty();
    }

    @Test
    void playsArrivingAfterTheirChartWasBuiltAreCountedButDoNotRewriteIt() {
        f.deliver(plays(1, "a", "SE", MON));
        f.buildAt(TUE.atTime(1, 0).toInstant(java.time.ZoneOffset.UTC));

        f.deliver(plays(5, "late", "SE", MON));
        f.buildAt(TUE.atTime(2, 0).toInstant(java.time.ZoneOffset.UTC));

        assertThat(f.streams()).contains("2026-11-02 late SE 5");
        assertThat(f.chart(DAILY, "SE", MON)).containsExactly("1 a 1 null 1 1 NEW");
    }

    @Test
    void buildingAPeriodAgainGivesTheSameRows() {
        f.deliver(concat(plays(3, "a", "SE", MON), plays(2, "b", "NO", MON), plays(9, "a", "SE", TUE)));
        f.buildAt(NEXT_MON.atTime(2, 0).toInstant(java.time.ZoneOffset.UTC));
        List<String> first = f.allRows();

        f.builder.build(DAILY, TUE);
        f.builder.build(WEEKLY, MON);

        assertThat(f.allRows()).isEqualTo(first);
    }

    @Test
    void aResetAndAReplayOfTheSamePlaysGiveTheSameCharts() {
        Object[] monday = concat(plays(3, "a", "SE", MON), plays(2, "b", "NO", MON), plays(1, "c", null, MON));
        Object[] tuesday = concat(plays(1, "a", "SE", TUE), plays(4, "b", "SE", TUE), plays(2, "c", "NO", TUE));
        f.deliver(monday);
        f.deliver(tuesday);
        f.buildAt(NEXT_MON.atTime(2, 0).toInstant(java.time.ZoneOffset.UTC));
        List<String> first = f.allRows();
        List<String> counts = f.streams();

        f.driver.reset();
        assertThat(f.streams()).isEmpty();
        assertThat(f.allRows()).isEmpty();
        f.deliver(monday);
        f.deliver(tuesday);
        f.buildAt(NEXT_MON.atTime(2, 0).toInstant(java.time.ZoneOffset.UTC));

        assertThat(f.streams()).isEqualTo(counts);
        assertThat(f.allRows()).isEqualTo(first);
    }

    @Test
    void trendingRanksByStreamsOnTheDayMinusTheMeanOfTheSevenDaysBefore() {
        LocalDate day = NEXT_MON;
        List<Object> events = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            events.addAll(List.of(plays(7, "steady", "SE", day.minusDays(d))));
            events.addAll(List.of(plays(2, "rising", "SE", day.minusDays(d))));
        }
        events.addAll(List.of(plays(14, "old", "SE", day.minusDays(8))));
        events.addAll(List.of(plays(7, "steady", "SE", day)));
        events.addAll(List.of(plays(12, "rising", "SE", day)));
        events.addAll(List.of(plays(6, "old", "SE", day)));
        events.addAll(List.of(plays(4, "small", "SE", day)));
        events.addAll(List.of(plays(3, "rising", "NO", day)));
        f.deliver(events.toArray());

        f.buildAt(day.plusDays(1).atTime(1, 0).toInstant(java.time.ZoneOffset.UTC));

        // rising 12 - 2, old 6 - 0 (its plays were 8 days before); steady 7 - 7 is not growing; small is under 5
        assertThat(f.charts.trending("SE", day).orElseThrow().entries()).containsExactly(
                new Charts.TrendingEntry(1, "rising", 12, 2.0, 10.0, null, List.of()),
                new Charts.TrendingEntry(2, "old", 6, 0.0, 6.0, null, List.of()));
        // worldwide: rising 15 - 2
        assertThat(f.charts.trending("WW", day).orElseThrow().entries()).first()
                .isEqualTo(new Charts.TrendingEntry(1, "rising", 15, 2.0, 13.0, null, List.of()));
        assertThat(f.charts.trending("NO", day).orElseThrow().entries()).as("under the minimum").isEmpty();
        assertThat(f.charts.trending("SE", day.plusDays(1))).as("not built yet").isEmpty();
        assertThat(f.charts.trending("SE", null).orElseThrow().day()).isEqualTo(day);
    }

    @Test
    void aTrackIdTheTableCannotStoreIsRefusedByItsHandler() {
        assertThatThrownBy(() -> f.deliver(play("x".repeat(801), "SE", noon(MON))))
                .isInstanceOf(Storable.UnstorableEventException.class);
        assertThatThrownBy(() -> f.deliver(play("t1", "SE", Instant.parse("+20000-01-01T00:00:00Z"))))
                .isInstanceOf(Storable.UnstorableEventException.class);
        assertThat(f.streams()).isEmpty();
    }

    private static Object[] concat(Object[]... groups) {
        return Stream.of(groups).flatMap(Stream::of).toArray();
    }
}
