package io.musicstream.projections.royalty.statements;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Issued statements as {@link RoyaltyStatementProjection} stores them: a period's statements a page at a time, and
 * one statement whole. Each read is one statement over the tables' keys.
 */
@Repository
public class RoyaltyStatements {

    /** A statement's sums in one currency. */
    public record Total(String currency, long amountMinor, long streams) {
    }

    /** A statement as a list shows it: whose, its digest, when it was issued, its totals by currency. */
    public record Summary(String partyId, String digest, Instant issuedAt, List<Total> totals) {
    }

    /** A statement line, as the event has it; {@code tier} is {@code FREE} or {@code PREMIUM}. */
    public record Line(String trackId, String isrc, String territory, String tier, String forPeriod, long streams,
                       long amountMinor, String currency) {
    }

    /** A whole statement; lines in the canonical order of its digest, totals by currency. */
    public record Statement(String period, String partyId, List<Line> lines, List<Total> totals, String digest,
                            Instant issuedAt) {
    }

    private static final String PAGE = """
            with s as (
                select party_id, digest, issued_at from royalty_statement
                where period = ? and party_id > ? order by party_id limit ?)
            select s.party_id, s.digest, s.issued_at, t.currency, t.amount_minor, t.streams
            from s left join royalty_statement_total t on t.period = ? and t.party_id = s.party_id
            order by s.party_id, t.currency""";
    private static final String STATEMENT = """
            select s.digest, s.issued_at, t.currencies, t.amounts, t.streams, s.lines
            from royalty_statement s
            cross join lateral (
                select array_agg(currency order by currency) as currencies,
                       array_agg(amount_minor order by currency) as amounts,
                       array_agg(streams order by currency) as streams
                from royalty_statement_total where period = s.period and party_id = s.party_id) t
            where s.period = ? and s.party_id = ?""";

    private final JdbcTemplate jdbc;

    public RoyaltyStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} statements of the period whose party ids come after {@code after}, in code point order. */
    public List<Summary> page(YearMonth period, String after, int limit) {
        Map<String, Summary> page = new LinkedHashMap<>();
        jdbc.query(PAGE, rs -> {
            String partyId = rs.getString(1);
            Summary summary = page.computeIfAbsent(partyId, p -> {
                try {
                    return new Summary(p, rs.getString(2), rs.getTimestamp(3).toInstant(), new ArrayList<>());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (rs.getString(4) != null) {
                summary.totals().add(new Total(rs.getString(4), rs.getLong(5), rs.getLong(6)));
            }
        }, period.toString(), after == null ? "" : after, limit, period.toString());
        return page.values().stream()
                .map(s -> new Summary(s.partyId(), s.digest(), s.issuedAt(), List.copyOf(s.totals()))).toList();
    }

    /** The party's statement for the period, if it was issued. */
    public Optional<Statement> statement(YearMonth period, String partyId) {
        List<Statement> found = jdbc.query(STATEMENT, (rs, n) -> new Statement(period.toString(), partyId,
                lines(rs.getString(6)), totals(rs), rs.getString(1), rs.getTimestamp(2).toInstant()),
                period.toString(), partyId);
        return found.stream().findFirst();
    }

    /** The lines of {@code royalty_statement.lines}: tab-separated fields, each line ending with LF. */
    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String[] f = text.substring(start, end).split("\t", -1);
            lines.add(new Line(f[0], f[1], f[2], f[3], f[4], Long.parseLong(f[5]), Long.parseLong(f[6]), f[7]));
            start = end + 1;
        }
        return List.copyOf(lines);
    }

    private static List<Total> totals(ResultSet rs) throws SQLException {
        Array currencies = rs.getArray(3);
        if (currencies == null) {
            return List.of();
        }
        String[] codes = (String[]) currencies.getArray();
        Long[] amounts = (Long[]) rs.getArray(4).getArray();
        Long[] streams = (Long[]) rs.getArray(5).getArray();
        List<Total> totals = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            totals.add(new Total(codes[i], amounts[i], streams[i]));
        }
        return List.copyOf(totals);
    }
}
