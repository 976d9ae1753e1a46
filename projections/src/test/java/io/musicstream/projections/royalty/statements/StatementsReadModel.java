package io.musicstream.projections.royalty.statements;

import io.musicstream.events.account.Plan;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.Rows;
import io.musicstream.projections.TestServers;
import io.musicstream.projections.royalty.RoyaltyUsageProjection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The statements read model on a fresh database, with the usage read model it reads beside it: both projections,
 * the readers, and events to give them.
 */
final class StatementsReadModel {

    final DataSource db;
    final JdbcTemplate jdbc;
    final ProjectionDriver statements;
    final ProjectionDriver usage;
    final RoyaltyStatements reader;
    final RoyaltyAggregates aggregates;

    StatementsReadModel() {
        db = TestServers.freshDatabase();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        jdbc = new JdbcTemplate(db);
        statements = ProjectionDriver.inTransactions(new RoyaltyStatementProjection(jdbc), transactions);
        usage = ProjectionDriver.inTransactions(new RoyaltyUsageProjection(jdbc), transactions);
        reader = new RoyaltyStatements(jdbc);
        aggregates = new RoyaltyAggregates(db, transactions);
    }

    /** A line of a statement: "track territory tier forPeriod streams amountMinor currency". */
    static StatementLine line(String spec) {
        String[] f = spec.split(" ");
        return new StatementLine(f[0], "QZ" + f[0], f[1], Plan.valueOf(f[2]), f[3], Long.parseLong(f[4]),
                Long.parseLong(f[5]), f[6]);
    }

    /** A statement as the aggregate issues it: totals per currency computed from the lines, a made-up digest. */
    static RoyaltyStatementIssued statement(String period, String partyId, String issuedAt, String... lines) {
        List<StatementLine> parsed = new ArrayList<>();
        TreeMap<String, long[]> totals = new TreeMap<>();
        for (String spec : lines) {
            StatementLine line = line(spec);
            parsed.add(line);
            long[] sums = totals.computeIfAbsent(line.currency(), c -> new long[2]);
            sums[0] += line.amountMinor();
            sums[1] += line.streams();
        }
        List<CurrencyTotal> currencyTotals = totals.entrySet().stream()
                .map(e -> new CurrencyTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        String digest = Integer.toHexString((period + partyId + String.join("|", lines)).hashCode());
        return new RoyaltyStatementIssued(period, partyId, parsed, currencyTotals, digest, Instant.parse(issuedAt));
    }

    /** A release ingested at {@code at} with one track of artist a1, held by "party:basisPoints" each. */
    static ReleaseIngested release(String trackId, String at, String... holders) {
        List<RightsShare> shares = new ArrayList<>();
        for (String holder : holders) {
            String[] parts = holder.split(":");
            shares.add(new RightsShare(parts[0], parts[0].toUpperCase(), RightsRole.RECORDING_OWNER,
                    Integer.parseInt(parts[1])));
        }
        TrackSpec track = new TrackSpec(trackId, "QZ" + trackId, "Title " + trackId, 200_000, 1, 1, false,
                List.of("a1"), null, List.of("WW"), shares);
        return new ReleaseIngested("r-" + trackId, "0000000000000", "Release", ReleaseType.ALBUM, List.of("a1"),
                "Label", LocalDate.of(2026, 1, 1), List.of("pop"), null, List.of(track), Instant.parse(at));
    }

    /** A counted play of the track by {@code userId} in {@code territory} on the tier, started at {@code at}. */
    static TrackPlayed play(String trackId, String userId, String territory, Plan tier, String at) {
        return new TrackPlayed(UUID.randomUUID().toString(), userId, trackId, Instant.parse(at), 200_000, "phone",
                territory, territory, "r-" + trackId, List.of("a1"), null,
                new PlayContext(PlayContext.Type.ALBUM, "r-" + trackId), false, true, 2, tier);
    }

    List<RoyaltyAggregates.Row> aggregates(RoyaltyAggregates.Query query) {
        List<RoyaltyAggregates.Row> rows = new ArrayList<>();
        aggregates.each(query, rows::add);
        return rows;
    }

    static RoyaltyAggregates.Query period(String period) {
        return new RoyaltyAggregates.Query(YearMonth.parse(period), null, null, null, null);
    }

    /** Every row of the statement tables in key order. */
    Map<String, List<Map<String, Object>>> rows() {
        return Map.of(
                "statements", table("select * from royalty_statement order by period, party_id"),
                "totals", table("select * from royalty_statement_total order by period, party_id, currency"),
                "lines", table("select * from royalty_statement_line order by period, party_id, line_no"));
    }

    List<Map<String, Object>> table(String sql) {
        return jdbc.query(sql, Rows::row);
    }
}
