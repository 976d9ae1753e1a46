package io.musicstream.command.royalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.StatementLine;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Statements from the payouts of a period's pools: the worked example and how lines merge. */
class StatementBuilderTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private static final Map<String, String> ISRCS = Map.of("A", "DKA012600001", "B", "DKB012600002",
            "C", "DKC012600003");
    private static final List<Share> SIXTY_FORTY = List.of(new Share("label-x", 6_000), new Share("publisher-y", 4_000));

    private static Usage usage(String user, String track, long streams, List<Share> shares) {
        return new Usage(user, track, DAY, false, streams, shares);
    }

    private static PoolPayout proRata(long pool, Usage... usages) {
        return PayoutCalculator.split(pool, PayoutCalculatorTest.rules(PayoutModel.PRO_RATA), List.of(usages),
                PeriodFacts.none());
    }

    private static final PoolPayout DK_PREMIUM = proRata(1_000_000,
            usage("u1", "A", 600, SIXTY_FORTY),
            usage("u1", "B", 300, List.of(new Share("label-b", 10_000))),
            usage("u2", "C", 100, List.of(new Share("label-x", 10_000))));

    private static Map<String, Statement> byParty(List<Statement> statements) {
        return statements.stream().collect(Collectors.toMap(Statement::partyId, s -> s));
    }

    @Test
    void theWorkedExampleGivesEachHolderItsShareOfTrackA() {
        List<Statement> statements = StatementBuilder.build("2026-11",
                List.of(new PaidPool("2026-11", "DK", Plan.PREMIUM, "DKK", DK_PREMIUM)), ISRCS);

        assertThat(statements).extracting(Statement::partyId).containsExactly("label-b", "label-x", "publisher-y");
        Map<String, Statement> byParty = byParty(statements);
        assertThat(byParty.get("label-x").lines()).containsExactly(
                new StatementLine("A", "DKA012600001", "DK", Plan.PREMIUM, "2026-11", 600, 360_000, "DKK"),
                new StatementLine("C", "DKC012600003", "DK", Plan.PREMIUM, "2026-11", 100, 100_000, "DKK"));
        assertThat(byParty.get("publisher-y").lines()).containsExactly(
                new StatementLine("A", "DKA012600001", "DK", Plan.PREMIUM, "2026-11", 600, 240_000, "DKK"));
        assertThat(byParty.get("label-b").lines()).containsExactly(
                new StatementLine("B", "DKB012600002", "DK", Plan.PREMIUM, "2026-11", 300, 300_000, "DKK"));
        assertThat(byParty.get("label-x").totals()).containsExactly(new CurrencyTotal("DKK", 460_000, 700));
        assertThat(statements.stream().mapToLong(s -> s.totals().get(0).amountMinor()).sum()).isEqualTo(1_000_000);
    }

    @Test
    void eachStatementsTotalsAreTheSumsOfItsLinesAndAllStatementsSumToThePools() {
        PoolPayout seFree = proRata(50_001,
                usage("u3", "A", 7, SIXTY_FORTY),
                usage("u4", "C", 3, List.of(new Share("label-x", 5_000), new Share("label-c", 5_000))));
        PoolPayout dkFree = proRata(12_345, usage("u5", "A", 2, SIXTY_FORTY));
        List<PaidPool> pools = List.of(
                new PaidPool("2026-11", "DK", Plan.PREMIUM, "DKK", DK_PREMIUM),
                new PaidPool("2026-11", "SE", Plan.FREE, "SEK", seFree),
                new PaidPool("2026-11", "DK", Plan.FREE, "DKK", dkFree));

        List<Statement> statements = StatementBuilder.build("2026-11", pools, ISRCS);

        for (Statement statement : statements) {
            assertThat(statement.totals()).isEqualTo(StatementDigest.totals(statement.lines()));
            assertThat(statement.digest()).isEqualTo(StatementDigest.digest("2026-11", statement.partyId(),
                    statement.lines(), statement.totals()));
        }
        Map<String, Long> paid = statements.stream().flatMap(s -> s.totals().stream())
                .collect(Collectors.groupingBy(CurrencyTotal::currency, Collectors.summingLong(CurrencyTotal::amountMinor)));
        assertThat(paid).isEqualTo(Map.of("DKK", 1_000_000L + 12_345L, "SEK", 50_001L));
    }

    @Test
    void linesMergePerTrackTerritoryTierPeriodAndCurrencyNotAcrossThem() {
        // A's shares changed mid-period: label-x holds it under both share lists.
        PoolPayout changed = proRata(1_000,
                usage("u1", "A", 5, SIXTY_FORTY),
                usage("u2", "A", 5, List.of(new Share("label-x", 10_000))));
        PoolPayout late = proRata(40, usage("u9", "A", 1, List.of(new Share("label-x", 10_000))));
        List<Statement> statements = StatementBuilder.build("2026-11", List.of(
                new PaidPool("2026-11", "DK", Plan.PREMIUM, "DKK", changed),
                new PaidPool("2026-10", "DK", Plan.PREMIUM, "DKK", late),
                new PaidPool("2026-11", "DK", Plan.FREE, "DKK", late)), ISRCS);

        assertThat(byParty(statements).get("label-x").lines()).containsExactly(
                new StatementLine("A", "DKA012600001", "DK", Plan.FREE, "2026-11", 1, 40, "DKK"),
                new StatementLine("A", "DKA012600001", "DK", Plan.PREMIUM, "2026-10", 1, 40, "DKK"),
                new StatementLine("A", "DKA012600001", "DK", Plan.PREMIUM, "2026-11", 10, 800, "DKK"));
    }

    @Test
    void aPoolWithNothingAllocatedGivesNoStatement() {
        PoolPayout empty = proRata(1_000);
        assertThat(StatementBuilder.build("2026-11", List.of(new PaidPool("2026-11", "DK", Plan.FREE, "DKK", empty)),
                ISRCS)).isEmpty();
    }

    @Test
    void aTrackWithoutAnIsrcIsRefused() {
        assertThatThrownBy(() -> StatementBuilder.build("2026-11",
                List.of(new PaidPool("2026-11", "DK", Plan.PREMIUM, "DKK", DK_PREMIUM)), Map.of("A", "I", "B", "I")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ISRC for track C");
    }
}
