package io.musicstream.command.royalty;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class RoyaltyStatementTest {

    private static final Instant NOW = Instant.parse("2026-12-04T00:05:00Z");
    private final AggregateTestFixture<RoyaltyStatement> fixture = new AggregateTestFixture<>(RoyaltyStatement.class);

    private static StatementLine line(String track, String territory, String forPeriod, long amount, String currency) {
        return new StatementLine(track, "ISRC-" + track, territory, Plan.PREMIUM, forPeriod, 10, amount, currency);
    }

    private static final StatementLine A_DK = line("A", "DK", "2026-11", 360_000, "DKK");
    private static final StatementLine B_SE = line("B", "SE", "2026-11", 5_000, "SEK");
    private static final StatementLine A_DK_LATE = line("A", "DK", "2026-10", -40, "DKK");

    private static IssueStatement issue(StatementLine... lines) {
        return new IssueStatement("2026-11", "label-x", Arrays.asList(lines), NOW);
    }

    private static RoyaltyStatementIssued issued(List<StatementLine> sortedLines, List<CurrencyTotal> totals) {
        return new RoyaltyStatementIssued("2026-11", "label-x", sortedLines, totals,
                StatementDigest.digest("2026-11", "label-x", sortedLines, totals), NOW);
    }

    @Test
    void aStatementIsIssuedWithItsLinesSortedTotalsPerCurrencyAndDigest() {
        fixture.givenNoPriorActivity()
                .when(issue(B_SE, A_DK, A_DK_LATE))
                .expectEvents(issued(List.of(A_DK_LATE, A_DK, B_SE), List.of(
                        new CurrencyTotal("DKK", 359_960, 20), new CurrencyTotal("SEK", 5_000, 10))))
                .expectResultMessagePayload(StatementDigest.digest("2026-11", "label-x", List.of(A_DK, B_SE, A_DK_LATE),
                        List.of(new CurrencyTotal("DKK", 359_960, 20), new CurrencyTotal("SEK", 5_000, 10))));
    }

    @Test
    void theStatementsIdIsItsPeriodAndParty() {
        org.assertj.core.api.Assertions.assertThat(issue(A_DK).statementId()).isEqualTo("2026-11:label-x");
    }

    @Test
    void aStatementIsIssuedOnlyOnce() {
        RoyaltyStatementIssued first = issued(List.of(A_DK), List.of(new CurrencyTotal("DKK", 360_000, 10)));
        fixture.given(first)
                .when(issue(A_DK))
                .expectException(ConflictException.class)
                .expectExceptionMessage("the statement 2026-11:label-x is already issued with digest "
                        + first.digest() + "; statements never change")
                .expectNoEvents();
    }

    @Test
    void aStatementWithoutLinesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(issue())
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("lines: a statement has at least one line")
                .expectNoEvents();
        new AggregateTestFixture<>(RoyaltyStatement.class).givenNoPriorActivity()
                .when(new IssueStatement("2026-11", "label-x", null, NOW))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }

    @Test
    void twoLinesWithTheSameTrackTerritoryTierPeriodAndCurrencyAreRefused() {
        fixture.givenNoPriorActivity()
                .when(issue(A_DK, line("A", "DK", "2026-11", 1, "DKK")))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(startsWith("lines[1]: repeats the track, territory, tier"))
                .expectNoEvents();
    }

    @Test
    void aLineForALaterPeriodIsRefused() {
        fixture.givenNoPriorActivity()
                .when(issue(line("A", "DK", "2026-12", 1, "DKK")))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("lines[0].forPeriod: must not be after the statement's period 2026-11, got 2026-12")
                .expectNoEvents();
    }

    @Test
    void totalsThatWouldOverflowAreRefused() {
        fixture.givenNoPriorActivity()
                .when(issue(line("A", "DK", "2026-11", Long.MAX_VALUE, "DKK"), line("B", "DK", "2026-11", 1, "DKK")))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("lines: the amounts or streams of one currency overflow a total")
                .expectNoEvents();
    }

    @Test
    void badFieldsAreRefusedNamingEachField() {
        StatementLine bad = new StatementLine("A\tB", null, "XX", null, "2026-13", -1, 5, "KRONE");
        fixture.givenNoPriorActivity()
                .when(new IssueStatement("2026/11", "label\nx", Arrays.asList(bad, null), null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(allOf(
                        containsString("partyId: must not contain control characters"),
                        containsString("period: must be a month written YYYY-MM"),
                        containsString("issuedAt: is required"),
                        containsString("lines[0].trackId: must not contain control characters"),
                        containsString("lines[0].isrc: is required"),
                        containsString("lines[0].territory: must be an ISO 3166-1 alpha-2 code"),
                        containsString("lines[0].tier: is required"),
                        containsString("lines[0].forPeriod: must be a month written YYYY-MM"),
                        containsString("lines[0].streams: must not be negative, got -1"),
                        containsString("lines[0].currency: must be an ISO 4217 code"),
                        containsString("lines[1]: is required")))
                .expectNoEvents();
    }

    @Test
    void anAdjustmentLineMayTakeStreamsBackButAnOwnLineMayNot() {
        StatementLine takenBack = new StatementLine("A", "ISRC-A", "DK", Plan.PREMIUM, "2026-10", -1, -5, "DKK");
        fixture.givenNoPriorActivity()
                .when(issue(takenBack))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(issue(new StatementLine("A", "ISRC-A", "DK", Plan.PREMIUM, "2026-11", -1, -5, "DKK")))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(containsString("lines[0].streams: must not be negative, got -1"));
    }

    @Test
    void aStatementFromTheBuilderIssuesWithTheBuildersDigest() {
        Statement built = new Statement("2026-11", "label-x", List.of(A_DK_LATE, A_DK, B_SE),
                StatementDigest.totals(List.of(A_DK, B_SE, A_DK_LATE)),
                StatementDigest.digest("2026-11", "label-x", List.of(A_DK, B_SE, A_DK_LATE),
                        StatementDigest.totals(List.of(A_DK, B_SE, A_DK_LATE))));
        fixture.givenNoPriorActivity()
                .when(built.issue(NOW))
                .expectEvents(new RoyaltyStatementIssued("2026-11", "label-x", built.lines(), built.totals(),
                        built.digest(), NOW));
    }
}
