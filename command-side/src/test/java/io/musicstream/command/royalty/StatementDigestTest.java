package io.musicstream.command.royalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The canonical form of a statement and its SHA-256, as docs/royalties.md spells them out for auditors. */
class StatementDigestTest {

    private static final String PARTY = "label-\u00f8";
    private static final List<StatementLine> LINES = List.of(
            new StatementLine("B", "DKB019900002", "DK", Plan.PREMIUM, "2026-11", 300, 300_000, "DKK"),
            new StatementLine("A", "DKA019900001", "SE", Plan.FREE, "2026-11", 0, 0, "SEK"),
            new StatementLine("A", "DKA019900001", "DK", Plan.PREMIUM, "2026-11", 600, 360_000, "DKK"),
            new StatementLine("A", "DKA019900001", "DK", Plan.PREMIUM, "2026-10", 2, -15, "DKK"));

    private static final String CANONICAL = """
            statement\t2026-11\tlabel-\u00f8
            A\tDKA019900001\tDK\tPREMIUM\t2026-10\t2\t-15\tDKK
            A\tDKA019900001\tDK\tPREMIUM\t2026-11\t600\t360000\tDKK
            A\tDKA019900001\tSE\tFREE\t2026-11\t0\t0\tSEK
            B\tDKB019900002\tDK\tPREMIUM\t2026-11\t300\t300000\tDKK
            total\tDKK\t902\t659985
            total\tSEK\t0\t0
            """;

    /**
     * Computed outside Java: printf 'statement\t2026-11\tlabel-ø\nA\tDKA019900001\tDK\tPREMIUM\t2026-10\t2\t-15\tDKK\n
     * A\t...\ntotal\tSEK\t0\t0\n' | sha256sum (the whole of {@link #CANONICAL}, UTF-8).
     */
    private static final String DIGEST = "6684c4e8587b7881df0d73d225a65a9d43237349a681752ea4a18d22ddd47cba";

    private static String digest(List<StatementLine> lines) {
        return StatementDigest.digest("2026-11", PARTY, lines, StatementDigest.totals(lines));
    }

    @Test
    void theTotalsSumEachCurrencysAmountsAndStreamsOrderedByCurrency() {
        assertThat(StatementDigest.totals(LINES)).containsExactly(
                new CurrencyTotal("DKK", 659_985, 902),
                new CurrencyTotal("SEK", 0, 0));
    }

    @Test
    void theCanonicalFormSortsTheLinesAndEndsEveryLineWithANewline() {
        assertThat(StatementDigest.canonicalForm("2026-11", PARTY, LINES, StatementDigest.totals(LINES)))
                .isEqualTo(CANONICAL);
    }

    @Test
    void theDigestIsTheSha256OfTheCanonicalFormInLowerCaseHex() {
        assertThat(digest(LINES)).isEqualTo(DIGEST);
    }

    @Test
    void anIssuedStatementsDigestIsRecomputedFromItsOwnFields() {
        var issued = new RoyaltyStatementIssued("2026-11", PARTY, LINES,
                StatementDigest.totals(LINES), DIGEST, Instant.parse("2026-12-04T00:05:00Z"));
        assertThat(StatementDigest.digest(issued)).isEqualTo(issued.digest());
    }

    @Test
    void theDigestDoesNotDependOnTheOrderOfLinesOrTotals() {
        Random random = new Random(17);
        for (int i = 0; i < 20; i++) {
            List<StatementLine> lines = new ArrayList<>(LINES);
            Collections.shuffle(lines, random);
            List<CurrencyTotal> totals = new ArrayList<>(StatementDigest.totals(LINES));
            Collections.shuffle(totals, random);
            assertThat(StatementDigest.digest("2026-11", PARTY, lines, totals)).isEqualTo(DIGEST);
        }
    }

    @Test
    void changingAnyOneFieldChangesTheDigest() {
        List<UnaryOperator<StatementLine>> changes = List.of(
                l -> new StatementLine("A2", l.isrc(), l.territory(), l.tier(), l.forPeriod(), l.streams(), l.amountMinor(), l.currency()),
                l -> new StatementLine(l.trackId(), "DKA019900009", l.territory(), l.tier(), l.forPeriod(), l.streams(), l.amountMinor(), l.currency()),
                l -> new StatementLine(l.trackId(), l.isrc(), "NO", l.tier(), l.forPeriod(), l.streams(), l.amountMinor(), l.currency()),
                l -> new StatementLine(l.trackId(), l.isrc(), l.territory(), Plan.FREE, l.forPeriod(), l.streams(), l.amountMinor(), l.currency()),
                l -> new StatementLine(l.trackId(), l.isrc(), l.territory(), l.tier(), "2026-09", l.streams(), l.amountMinor(), l.currency()),
                l -> new StatementLine(l.trackId(), l.isrc(), l.territory(), l.tier(), l.forPeriod(), l.streams() + 1, l.amountMinor(), l.currency()),
                l -> new StatementLine(l.trackId(), l.isrc(), l.territory(), l.tier(), l.forPeriod(), l.streams(), l.amountMinor() + 1, l.currency()),
                l -> new StatementLine(l.trackId(), l.isrc(), l.territory(), l.tier(), l.forPeriod(), l.streams(), l.amountMinor(), "EUR"));
        List<String> digests = new ArrayList<>();
        for (UnaryOperator<StatementLine> change : changes) {
            List<StatementLine> lines = new ArrayList<>(LINES);
            lines.set(2, change.apply(lines.get(2)));
            digests.add(digest(lines));
        }
        digests.add(StatementDigest.digest("2026-10", PARTY, LINES, StatementDigest.totals(LINES)));
        digests.add(StatementDigest.digest("2026-11", "label-o", LINES, StatementDigest.totals(LINES)));
        List<CurrencyTotal> totals = new ArrayList<>(StatementDigest.totals(LINES));
        totals.set(1, new CurrencyTotal("SEK", 1, 0));
        digests.add(StatementDigest.digest("2026-11", PARTY, LINES, totals));
        totals.set(1, new CurrencyTotal("SEK", 0, 1));
        digests.add(StatementDigest.digest("2026-11", PARTY, LINES, totals));

        assertThat(digests).doesNotContain(DIGEST).doesNotHaveDuplicates();
    }

    @Test
    void aLineMovedBetweenFieldsChangesTheDigest() {
        StatementLine a = new StatementLine("A", "I", "DK", Plan.FREE, "2026-11", 12, 3, "DKK");
        StatementLine b = new StatementLine("A", "I", "DK", Plan.FREE, "2026-11", 1, 23, "DKK");
        assertThat(StatementDigest.digest("2026-11", "p", List.of(a), List.of()))
                .isNotEqualTo(StatementDigest.digest("2026-11", "p", List.of(b), List.of()));
    }

    @Test
    void linesAreSortedByCodePointsNotByUtf16Units() {
        StatementLine symbol = new StatementLine("\ufb01", "I", "DK", Plan.FREE, "2026-11", 1, 1, "DKK");
        StatementLine note = new StatementLine("\ud83c\udfb5", "I", "DK", Plan.FREE, "2026-11", 1, 1, "DKK");
        String form = StatementDigest.canonicalForm("2026-11", "p", List.of(note, symbol), List.of());
        assertThat(form.indexOf("\ufb01")).isLessThan(form.indexOf("\ud83c\udfb5"));
    }

    @Test
    void tiersSortByTheirNamesAndPeriodsBeforeCurrencies() {
        StatementLine premium = new StatementLine("A", "I", "DK", Plan.PREMIUM, "2026-10", 1, 1, "AUD");
        StatementLine free = new StatementLine("A", "I", "DK", Plan.FREE, "2026-11", 1, 1, "DKK");
        StatementLine freeEarlier = new StatementLine("A", "I", "DK", Plan.FREE, "2026-10", 1, 1, "EUR");
        assertThat(StatementDigest.canonicalForm("2026-11", "p", List.of(premium, free, freeEarlier), List.of()))
                .isEqualTo("statement\t2026-11\tp\n"
                        + "A\tI\tDK\tFREE\t2026-10\t1\t1\tEUR\n"
                        + "A\tI\tDK\tFREE\t2026-11\t1\t1\tDKK\n"
                        + "A\tI\tDK\tPREMIUM\t2026-10\t1\t1\tAUD\n");
    }

    @Test
    void theLargestAndSmallestAmountsArePlainDecimals() {
        StatementLine line = new StatementLine("A", "I", "DK", Plan.FREE, "2026-11", Long.MAX_VALUE, Long.MIN_VALUE, "DKK");
        assertThat(StatementDigest.canonicalForm("2026-11", "p", List.of(line), List.of()))
                .endsWith("\t9223372036854775807\t-9223372036854775808\tDKK\n");
    }

    @Test
    void textWithATabANewlineOrAnUnpairedSurrogateIsRefused() {
        for (String bad : new String[]{"a\tb", "a\nb", "a\rb", "a\ud800b", null}) {
            StatementLine line = new StatementLine(bad, "I", "DK", Plan.FREE, "2026-11", 1, 1, "DKK");
            assertThatThrownBy(() -> digest(List.of(line))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> StatementDigest.digest("2026-11", bad, LINES, List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        StatementLine noTier = new StatementLine("A", "I", "DK", null, "2026-11", 1, 1, "DKK");
        assertThatThrownBy(() -> digest(List.of(noTier))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tier");
    }
}
