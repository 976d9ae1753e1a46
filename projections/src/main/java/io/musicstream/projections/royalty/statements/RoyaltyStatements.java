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
            select s.digest, s.issued_at, t.currencies, t.amounts, t.streams,
                   l.track_id, l.isrc, l.territory, l.tier, l.for_period, l.streams, l.amount_minor, l.currency
            from royalty_statement s
            cross join lateral (
                select array_agg(currency order by currency) as currencies,
                       array_agg(amount_minor order by currency) as amounts,
                       array_agg(streams order by currency) as streams
                from royalty_statement_total where period = s.period and party_id = s.party_id) t
            left join royalty_statement_line l on l.period = s.period and l.party_id = s.party_id
            where s.period = ? and s.party_id = ?
            order by l.line_no""";

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
        List<Line> lines = new ArrayList<>();
        Statement[] found = new Statement[1];
        jdbc.query(STATEMENT, rs -> {
            if (found[0] == null) {
                found[0] = new Statement(period.toString(), partyId, lines, totals(rs), rs.getString(1),
                        rs.getTimestamp(2).toInstant());
            }
            if (rs.getString(6) != null) {
                lines.add(new Line(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getString(13)));
            }
        }, period.toString(), partyId);
        return Optional.ofNullable(found[0]).map(s -> new Statement(s.period(), s.partyId(), List.copyOf(lines),
                s.totals(), s.digest(), s.issuedAt()));
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
