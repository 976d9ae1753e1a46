package io.musicstream.command.royalty;

import io.musicstream.events.ids.CodePoints;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A statement's canonical form and its SHA-256 (docs/royalties.md, "Statements and digests"): UTF-8 text, a
 * header line, the lines sorted by trackId, territory, tier, forPeriod, currency in code point order, then the
 * totals by currency, every line ended by '\n'. Auditors recompute it with a shell one-liner, so the form is
 * fixed: changing it changes every digest ever issued.
 */
public final class StatementDigest {

    /** The order of a statement's lines; lines equal in these fields follow by their whole canonical line. */
    public static final Comparator<StatementLine> LINE_ORDER = Comparator
            .comparing(StatementLine::trackId, CodePoints.ORDER)
            .thenComparing(StatementLine::territory, CodePoints.ORDER)
            .thenComparing(line -> line.tier().name(), CodePoints.ORDER)
            .thenComparing(StatementLine::forPeriod, CodePoints.ORDER)
            .thenComparing(StatementLine::currency, CodePoints.ORDER);

    private StatementDigest() {
    }

    /** Per currency of {@code lines}, the sums of their amounts and streams, ordered by currency. */
    public static List<CurrencyTotal> totals(Collection<StatementLine> lines) {
        TreeMap<String, long[]> sums = new TreeMap<>(CodePoints.ORDER);
        for (StatementLine line : lines) {
            long[] sum = sums.computeIfAbsent(text("currency", line.currency()), c -> new long[2]);
            sum[0] = Math.addExact(sum[0], line.amountMinor());
            sum[1] = Math.addExact(sum[1], line.streams());
        }
        List<CurrencyTotal> totals = new ArrayList<>(sums.size());
        sums.forEach((currency, sum) -> totals.add(new CurrencyTotal(currency, sum[0], sum[1])));
        return List.copyOf(totals);
    }

    /** The digest an issued statement must carry. */
    public static String digest(RoyaltyStatementIssued statement) {
        return digest(statement.period(), statement.partyId(), statement.lines(), statement.totals());
    }

    /** SHA-256 of {@link #canonicalForm}, 64 lower-case hex digits. */
    public static String digest(String period, String partyId, Collection<StatementLine> lines,
                                Collection<CurrencyTotal> totals) {
        byte[] form = canonicalForm(period, partyId, lines, totals).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(form));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The text the digest is taken of, in any order of {@code lines} and {@code totals}.
     *
     * @throws IllegalArgumentException when a text field is missing or holds a tab, '\n', '\r' or an unpaired
     *                                  surrogate (two statements must never share a canonical form)
     */
    public static String canonicalForm(String period, String partyId, Collection<StatementLine> lines,
                                       Collection<CurrencyTotal> totals) {
        StringBuilder form = new StringBuilder(64 + 64 * lines.size());
        form.append("statement\t").append(text("period", period)).append('\t').append(text("partyId", partyId))
                .append('\n');
        List<String[]> sorted = new ArrayList<>(lines.size());
        for (StatementLine line : lines) {
            sorted.add(new String[]{
                    text("trackId", line.trackId()), text("isrc", line.isrc()), text("territory", line.territory()),
                    tier(line), text("forPeriod", line.forPeriod()), Long.toString(line.streams()),
                    Long.toString(line.amountMinor()), text("currency", line.currency())});
        }
        sorted.sort(Comparator.<String[], String>comparing(f -> f[0], CodePoints.ORDER)
                .thenComparing(f -> f[2], CodePoints.ORDER)
                .thenComparing(f -> f[3], CodePoints.ORDER)
                .thenComparing(f -> f[4], CodePoints.ORDER)
                .thenComparing(f -> f[7], CodePoints.ORDER)
                .thenComparing(f -> String.join("\t", f), CodePoints.ORDER));
        for (String[] fields : sorted) {
            form.append(String.join("\t", fields)).append('\n');
        }
        List<String[]> sums = new ArrayList<>(totals.size());
        for (CurrencyTotal total : totals) {
            sums.add(new String[]{"total", text("currency", total.currency()), Long.toString(total.streams()),
                    Long.toString(total.amountMinor())});
        }
        sums.sort(Comparator.<String[], String>comparing(f -> f[1], CodePoints.ORDER)
                .thenComparing(f -> String.join("\t", f), CodePoints.ORDER));
        for (String[] fields : sums) {
            form.append(String.join("\t", fields)).append('\n');
        }
        return form.toString();
    }

    private static String tier(StatementLine line) {
        if (line.tier() == null) {
            throw new IllegalArgumentException("a statement line needs a tier: " + line);
        }
        return line.tier().name();
    }

    /** Refuses what would make two statements' canonical forms equal or unreadable line by line. */
    private static String text(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required in a statement");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException(field + " must not hold a tab or a line break: " + value);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " holds an unpaired surrogate at " + i);
            }
        }
        return value;
    }
}
