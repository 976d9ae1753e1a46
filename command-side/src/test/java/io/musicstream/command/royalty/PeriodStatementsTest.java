package io.musicstream.command.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import io.musicstream.events.royalty.StatementLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A closing period's statements from its pools and settled usages: the worked examples end to end, and
 * adjustment lines of an earlier period when a late play moves money between holders.
 */
class PeriodStatementsTest {

    private static final Map<String, String> ISRCS = Map.of("A", "DKA012600001", "B", "DKB012600002",
            "C", "DKC012600003");
    private static final List<Share> SIXTY_FORTY = List.of(new Share("label-x", 6_000),
            new Share("publisher-y", 4_000));

    private static Usage usage(String user, String track, String day, long streams, List<Share> shares) {
        return new Usage(user, track, LocalDate.parse(day), false, streams, shares);
    }

    private static List<Share> only(String party) {
        return List.of(new Share(party, 10_000));
    }

    /** A settlement whose every pool is paid over {@code usages}. */
    private static Settlement settlement(String period, PayoutModel model, List<DeclaredPool> pools,
                                         Usage... usages) {
        RoyaltyRulesAdopted rules = PayoutCalculatorTest.rules(model);
        return new Settlement(period, rules, pools, (territory, tier) ->
                new Settlement.Input(List.of(usages), PeriodFacts.none()));
    }

    private static final DeclaredPool DK_PREMIUM = new DeclaredPool("DK", Plan.PREMIUM, 1_000_000, "DKK");

    private static Map<String, Statement> byParty(List<Statement> statements) {
        return statements.stream().collect(Collectors.toMap(Statement::partyId, s -> s));
    }

    private static StatementLine line(String track, String forPeriod, long streams, long amount) {
        return new StatementLine(track, ISRCS.get(track), "DK", Plan.PREMIUM, forPeriod, streams, amount, "DKK");
    }

    @Test
    void proRataWorkedExamplePaysEachHolderItsShareOfItsTracks() {
        Settlement own = settlement("2026-11", PayoutModel.PRO_RATA, List.of(DK_PREMIUM),
                usage("u1", "A", "2026-11-03", 600, SIXTY_FORTY),
                usage("u1", "B", "2026-11-03", 300, only("label-b")),
                usage("u2", "C", "2026-11-04", 100, only("label-c")));

        Map<String, Statement> statements = byParty(PeriodStatements.statements(own, List.of(), ISRCS));

        assertThat(statements.keySet()).containsExactlyInAnyOrder("label-x", "publisher-y", "label-b", "label-c");
        assertThat(statements.get("label-x").lines()).containsExactly(line("A", "2026-11", 600, 360_000));
        assertThat(statements.get("publisher-y").lines()).containsExactly(line("A", "2026-11", 600, 240_000));
        assertThat(statements.get("label-b").lines()).containsExactly(line("B", "2026-11", 300, 300_000));
        assertThat(statements.get("label-c").lines()).containsExactly(line("C", "2026-11", 100, 100_000));
        assertThat(statements.values().stream().mapToLong(s -> s.totals().get(0).amountMinor()).sum())
                .isEqualTo(1_000_000);
    }

    @Test
    void twoUsersWorkedExampleProRataAndUserCentric() {
        DeclaredPool pool = new DeclaredPool("DK", Plan.PREMIUM, 20_000, "DKK");
        Usage[] usages = {usage("u1", "A", "2026-11-03", 900, only("label-a")),
                usage("u2", "C", "2026-11-03", 100, only("label-c"))};

        Map<String, Statement> proRata = byParty(PeriodStatements.statements(
                settlement("2026-11", PayoutModel.PRO_RATA, List.of(pool), usages), List.of(), ISRCS));
        Map<String, Statement> userCentric = byParty(PeriodStatements.statements(
                settlement("2026-11", PayoutModel.USER_CENTRIC, List.of(pool), usages), List.of(), ISRCS));

        assertThat(proRata.get("label-a").lines()).containsExactly(line("A", "2026-11", 900, 18_000));
        assertThat(proRata.get("label-c").lines()).containsExactly(line("C", "2026-11", 100, 2_000));
        assertThat(userCentric.get("label-a").lines()).containsExactly(line("A", "2026-11", 900, 10_000));
        assertThat(userCentric.get("label-c").lines()).containsExactly(line("C", "2026-11", 100, 10_000));
    }

    @Test
    void aLatePlayMovesMoneyBetweenHoldersAndThePoolsAdjustmentLinesSumToZero() {
        // October, 100.00: on time A 3 streams (label-a) and B 1 (label-b): A 75.00, B 25.00 were issued.
        // A late B stream settled in November makes it A 60.00, B 40.00.
        DeclaredPool october = new DeclaredPool("DK", Plan.PREMIUM, 10_000, "DKK");
        Usage onTimeA = usage("u1", "A", "2026-10-03", 3, only("label-a"));
        Usage onTimeB = usage("u1", "B", "2026-10-03", 1, only("label-b"));
        Usage lateB = usage("u2", "B", "2026-10-30", 1, only("label-b"));
        Settlement before = settlement("2026-10", PayoutModel.PRO_RATA, List.of(october), onTimeA, onTimeB);
        Settlement upTo = settlement("2026-10", PayoutModel.PRO_RATA, List.of(october), onTimeA, onTimeB, lateB);
        Settlement november = settlement("2026-11", PayoutModel.PRO_RATA, List.of(DK_PREMIUM),
                usage("u1", "C", "2026-11-03", 10, only("label-b")));

        PeriodStatements.Result result = PeriodStatements.paidPools(november,
                List.of(new PeriodStatements.Adjustment(upTo, before)));
        Map<String, Statement> statements = byParty(PeriodStatements.statements("2026-11", result, ISRCS));

        assertThat(statements.get("label-a").lines()).containsExactly(line("A", "2026-10", 0, -1_500));
        assertThat(statements.get("label-a").totals()).containsExactly(new CurrencyTotal("DKK", -1_500, 0));
        assertThat(statements.get("label-b").lines()).containsExactly(line("B", "2026-10", 1, 1_500),
                line("C", "2026-11", 10, 1_000_000));
        PaidPool adjustment = result.paid().get(1);
        assertThat(adjustment.forPeriod()).isEqualTo("2026-10");
        assertThat(adjustment.payout().lines().stream().mapToLong(PayoutLine::amountMinor).sum()).isZero();
    }

    @Test
    void aPoolUnallocatedWhenItClosedIsPaidWholeByItsAdjustment() {
        DeclaredPool october = new DeclaredPool("DK", Plan.PREMIUM, 10_000, "DKK");
        Settlement before = settlement("2026-10", PayoutModel.PRO_RATA, List.of(october));
        Settlement upTo = settlement("2026-10", PayoutModel.PRO_RATA, List.of(october),
                usage("u2", "B", "2026-10-30", 1, SIXTY_FORTY));
        Settlement november = settlement("2026-11", PayoutModel.PRO_RATA, List.of(DK_PREMIUM));

        PeriodStatements.Result result = PeriodStatements.paidPools(november,
                List.of(new PeriodStatements.Adjustment(upTo, before)));

        assertThat(result.unallocated()).containsExactly(DK_PREMIUM);
        Map<String, Statement> statements = byParty(PeriodStatements.statements("2026-11", result, ISRCS));
        assertThat(statements.get("label-x").lines()).containsExactly(line("B", "2026-10", 1, 6_000));
        assertThat(statements.get("publisher-y").lines()).containsExactly(line("B", "2026-10", 1, 4_000));
    }

    @Test
    void anAdjustmentThatChangesNothingGivesNoLineAndNoStatement() {
        DeclaredPool october = new DeclaredPool("DK", Plan.PREMIUM, 10_000, "DKK");
        Usage a = usage("u1", "A", "2026-10-03", 3, only("label-a"));
        Settlement same = settlement("2026-10", PayoutModel.PRO_RATA, List.of(october), a);
        Settlement november = settlement("2026-11", PayoutModel.PRO_RATA, List.of());

        PeriodStatements.Result result = PeriodStatements.paidPools(november,
                List.of(new PeriodStatements.Adjustment(same, same)));

        assertThat(result.paid()).isEmpty();
        assertThat(PeriodStatements.statements("2026-11", result, ISRCS)).isEmpty();
    }

    @Test
    void aLateStreamUnderTheDailyCapCanTakeStreamsBackFromAnotherTrack() {
        RoyaltyRulesAdopted capped = PayoutCalculatorTest.rules(PayoutModel.PRO_RATA, 0, 2);
        DeclaredPool october = new DeclaredPool("DK", Plan.PREMIUM, 10_000, "DKK");
        Usage a = usage("u1", "A", "2026-10-03", 2, only("label-a"));
        Usage lateB = usage("u1", "B", "2026-10-03", 2, only("label-b"));
        List<Usage> upToUsages = new ArrayList<>(List.of(a, lateB));
        Settlement before = new Settlement("2026-10", capped, List.of(october),
                (t, tier) -> new Settlement.Input(List.of(a), PeriodFacts.none()));
        Settlement upTo = new Settlement("2026-10", capped, List.of(october),
                (t, tier) -> new Settlement.Input(upToUsages, PeriodFacts.none()));

        PeriodStatements.Result result = PeriodStatements.paidPools(
                settlement("2026-11", PayoutModel.PRO_RATA, List.of()), List.of(new PeriodStatements.Adjustment(upTo,
                        before)));

        assertThat(result.paid().get(0).payout().lines()).containsExactly(new PayoutLine("A", "label-a", -1, -5_000),
                new PayoutLine("B", "label-b", 1, 5_000));
    }
}
