package io.musicstream.projections.royalty.statements;

import static io.musicstream.projections.royalty.statements.StatementsReadModel.period;
import static io.musicstream.projections.royalty.statements.StatementsReadModel.play;
import static io.musicstream.projections.royalty.statements.StatementsReadModel.release;
import static io.musicstream.projections.royalty.statements.StatementsReadModel.statement;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.account.Plan;
import io.musicstream.projections.royalty.statements.RoyaltyAggregates.Query;
import io.musicstream.projections.royalty.statements.RoyaltyAggregates.Row;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Royalty aggregates from the usage and statements read models: streams per day, track, holder, territory and
 * tier, no amount before the period's statements, then each statement line apportioned over its days by largest
 * remainder (ties: the earlier day), adjustments included.
 */
class RoyaltyAggregatesTest {

    private StatementsReadModel model;

    @BeforeEach
    void freshReadModel() {
        model = new StatementsReadModel();
        model.usage.deliver(release("t1", "2026-10-01T00:00:00Z", "x:6000", "y:4000"),
                release("t2", "2026-10-01T00:00:00Z", "x:10000"));
    }

    /** Plays of the track by u1 in DK premium, {@code streams[i]} on 1 + i November. */
    private void plays(String trackId, int... streams) {
        List<Object> plays = new ArrayList<>();
        for (int day = 0; day < streams.length; day++) {
            for (int n = 0; n < streams[day]; n++) {
                plays.add(play(trackId, "u1", "DK", Plan.PREMIUM, "2026-11-%02dT10:%02d:00Z".formatted(day + 1, n)));
            }
        }
        model.usage.deliver(plays.toArray());
    }

    private static String row(Row row) {
        return row.day() + " " + row.trackId() + " " + row.partyId() + " " + row.territory() + " " + row.tier() + " "
                + row.streams() + " " + row.amountMinor() + " " + row.currency();
    }

    private List<String> rows(Query query) {
        return model.aggregates(query).stream().map(RoyaltyAggregatesTest::row).toList();
    }

    @Test
    void aLineOf100OverThreeDaysOfOneStreamEachIs34_33_33InDayOrder() {
        plays("t2", 1, 1, 1);
        model.statements.deliver(statement("2026-11", "x", "2026-12-04T00:00:00Z",
                "t2 DK PREMIUM 2026-11 3 100 DKK"));

        assertThat(rows(period("2026-11"))).containsExactly(
                "2026-11-01 t2 x DK PREMIUM 1 34 DKK",
                "2026-11-02 t2 x DK PREMIUM 1 33 DKK",
                "2026-11-03 t2 x DK PREMIUM 1 33 DKK");
    }

    @Test
    void streamsShowPerHolderWithNoAmountBeforeThePeriodsStatements() {
        plays("t1", 2, 0, 1);

        assertThat(rows(period("2026-11"))).containsExactly(
                "2026-11-01 t1 x DK PREMIUM 2 null null",
                "2026-11-01 t1 y DK PREMIUM 2 null null",
                "2026-11-03 t1 x DK PREMIUM 1 null null",
                "2026-11-03 t1 y DK PREMIUM 1 null null");
    }

    @Test
    void daysGetTheFloorOfTheirQuotaAndTheLeftoverGoesToTheLargestRemainders() {
        plays("t2", 1, 2, 4);
        // 1000 x 1/7, 2/7, 4/7 = 142.86, 285.71, 571.43: floors leave 2, to the remainders 6/7 and 5/7
        model.statements.deliver(statement("2026-11", "x", "2026-12-04T00:00:00Z",
                "t2 DK PREMIUM 2026-11 7 1000 DKK"));

        assertThat(model.aggregates(period("2026-11"))).extracting(Row::amountMinor).containsExactly(143L, 286L, 571L);
    }

    @Test
    void adjustmentsOnALaterStatementAreAddedToThePeriodsLineBeforeApportioning() {
        plays("t2", 1, 1, 1);
        model.statements.deliver(statement("2026-11", "x", "2026-12-04T00:00:00Z",
                "t2 DK PREMIUM 2026-11 3 100 DKK"));
        model.statements.deliver(statement("2026-12", "x", "2027-01-04T00:00:00Z",
                "t2 DK PREMIUM 2026-11 0 -110 DKK", "t2 DK PREMIUM 2026-12 1 5 DKK"));

        // -10 over three equal days: floors -4 each leave 2 for the first two days
        assertThat(model.aggregates(period("2026-11"))).extracting(Row::amountMinor).containsExactly(-3L, -3L, -4L);
    }

    @Test
    void onceStatementsExistStreamsNoLinePaysShowZeroAndAnUnnamedCurrency() {
        plays("t1", 1);
        plays("t2", 1);
        model.usage.deliver(play("t0", "u1", "DK", Plan.PREMIUM, "2026-11-01T12:00:00Z"));
        model.statements.deliver(statement("2026-11", "x", "2026-12-04T00:00:00Z",
                "t2 DK PREMIUM 2026-11 1 50 DKK"));

        assertThat(rows(period("2026-11"))).containsExactly(
                "2026-11-01 t1 x DK PREMIUM 1 0 null",
                "2026-11-01 t1 y DK PREMIUM 1 0 null",
                "2026-11-01 t2 x DK PREMIUM 1 50 DKK");
    }

    @Test
    void filtersNarrowTheRowsAndLeaveEachLinesApportioningWhole() {
        plays("t1", 1, 1, 1);
        plays("t2", 3);
        model.usage.deliver(play("t1", "u2", "SE", Plan.FREE, "2026-11-02T12:00:00Z"));
        model.statements.deliver(statement("2026-11", "y", "2026-12-04T00:00:00Z",
                "t1 DK PREMIUM 2026-11 3 100 DKK", "t1 SE FREE 2026-11 1 9 SEK"));
        YearMonth november = YearMonth.parse("2026-11");

        assertThat(rows(new Query(november, "t1", "y", "DK", "PREMIUM"))).containsExactly(
                "2026-11-01 t1 y DK PREMIUM 1 34 DKK",
                "2026-11-02 t1 y DK PREMIUM 1 33 DKK",
                "2026-11-03 t1 y DK PREMIUM 1 33 DKK");
        assertThat(rows(new Query(november, null, null, "SE", null))).containsExactly(
                "2026-11-02 t1 x SE FREE 1 0 null",
                "2026-11-02 t1 y SE FREE 1 9 SEK");
        assertThat(rows(new Query(november, null, "x", null, "PREMIUM"))).extracting(r -> r.substring(0, 16))
                .containsExactly("2026-11-01 t1 x ", "2026-11-01 t2 x ", "2026-11-02 t1 x ", "2026-11-03 t1 x ");
        assertThat(rows(new Query(november.plusMonths(1), null, null, null, null))).isEmpty();
    }

    @Test
    void pagesFollowTheOrderOfTheWholeAnswer() {
        plays("t1", 1, 1, 1);
        List<Row> all = model.aggregates(period("2026-11"));

        assertThat(model.aggregates.page(period("2026-11"), 2, 1)).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(model.aggregates.page(period("2026-11"), 10, 6)).isEmpty();
        assertThat(all).extracting(Row::day).startsWith(LocalDate.parse("2026-11-01"));
    }
}
