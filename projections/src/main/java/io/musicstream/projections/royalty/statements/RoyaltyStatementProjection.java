package io.musicstream.projections.royalty.statements;

import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.common.UnitOfWorkBatch;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issued royalty statements as their readers see them: one row per statement with its lines as text
 * ({@code royalty_statement}, a whole statement in one row), its totals per currency
 * ({@code royalty_statement_total}) and its lines as rows in the event's order ({@code royalty_statement_line}, for
 * the royalty aggregates). A statement never changes, so every write is an insert that ignores a row
 * already stored: a redelivered batch writes nothing new. {@link #reset()} empties the tables for a replay.
 */
@Component
@ProcessingGroup(RoyaltyStatementProjection.PROCESSING_GROUP)
public class RoyaltyStatementProjection {

    public static final String PROCESSING_GROUP = "royalty-statements";
    /** Bytes of UTF-8 per id: a line's key holds several. */
    static final int MAX_ID_BYTES = 400;
    private static final String BATCH = RoyaltyStatementProjection.class.getName() + ".batch";

    private static final String INSERT_STATEMENTS = """
            insert into royalty_statement (period, party_id, digest, issued_at, lines)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
            on conflict do nothing""";
    private static final String INSERT_TOTALS = """
            insert into royalty_statement_total (period, party_id, currency, amount_minor, streams)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
            on conflict do nothing""";
    private static final String INSERT_LINES = """
            insert into royalty_statement_line (period, party_id, line_no, track_id, isrc, territory, tier,
                                                for_period, streams, amount_minor, currency)
            select * from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::bigint[], ?::bigint[], ?::text[])
            on conflict do nothing""";

    private final JdbcTemplate jdbc;

    public RoyaltyStatementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RoyaltyStatementIssued statement) {
        // checked before buffering: a refusal at the batch's commit would fail the whole batch
        Storable.text("period", statement.period(), MAX_ID_BYTES);
        Storable.text("partyId", statement.partyId(), MAX_ID_BYTES);
        Storable.text("digest", statement.digest(), MAX_ID_BYTES);
        Storable.present("issuedAt", statement.issuedAt());
        for (StatementLine line : statement.lines()) {
            Storable.present("lines[]", line);
            Storable.text("lines[].trackId", line.trackId(), MAX_ID_BYTES);
            Storable.text("lines[].isrc", line.isrc(), MAX_ID_BYTES);
            Storable.text("lines[].territory", line.territory(), MAX_ID_BYTES);
            Storable.present("lines[].tier", line.tier());
            Storable.text("lines[].forPeriod", line.forPeriod(), MAX_ID_BYTES);
            Storable.text("lines[].currency", line.currency(), MAX_ID_BYTES);
            for (String text : new String[]{line.trackId(), line.isrc(), line.territory(), line.forPeriod(),
                    line.currency()}) {
                if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0) {
                    throw new Storable.UnstorableEventException("lines[] hold a tab or a line feed");
                }
            }
        }
        List<String> currencies = new ArrayList<>();
        for (CurrencyTotal total : statement.totals()) {
            Storable.present("totals[]", total);
            String currency = Storable.text("totals[].currency", total.currency(), MAX_ID_BYTES);
            if (currencies.contains(currency)) {
                throw new Storable.UnstorableEventException("totals name currency " + currency + " twice");
            }
            currencies.add(currency);
        }
        // the first delivery of a statement wins; a redelivery in the same batch is the same statement
        batch().putIfAbsent(new Key(statement.period(), statement.partyId()), statement);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate royalty_statement, royalty_statement_total, royalty_statement_line");
    }

    private TreeMap<Key, RoyaltyStatementIssued> batch() {
        return UnitOfWorkBatch.current(BATCH, TreeMap::new, this::write);
    }

    private void write(TreeMap<Key, RoyaltyStatementIssued> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            writeStatements(connection, batch.values());
            writeTotals(connection, batch.values());
            writeLines(connection, batch.values());
            return null;
        });
    }

    private static void writeStatements(Connection connection, Collection<RoyaltyStatementIssued> batch)
            throws SQLException {
        int n = batch.size();
        String[] periods = new String[n];
        String[] parties = new String[n];
        String[] digests = new String[n];
        Timestamp[] issued = new Timestamp[n];
        String[] lines = new String[n];
        int i = 0;
        for (RoyaltyStatementIssued statement : batch) {
            periods[i] = statement.period();
            parties[i] = statement.partyId();
            digests[i] = statement.digest();
            issued[i] = Timestamp.from(statement.issuedAt());
            lines[i++] = linesText(statement.lines());
        }
        execute(connection, INSERT_STATEMENTS, connection.createArrayOf("text", periods),
                connection.createArrayOf("text", parties), connection.createArrayOf("text", digests),
                connection.createArrayOf("timestamptz", issued), connection.createArrayOf("text", lines));
    }

    /** The lines as {@code royalty_statement.lines} holds them: tab-separated fields, each line ending with LF. */
    static String linesText(List<StatementLine> lines) {
        StringBuilder text = new StringBuilder(lines.size() * 64);
        for (StatementLine line : lines) {
            text.append(line.trackId()).append('\t').append(line.isrc()).append('\t').append(line.territory())
                    .append('\t').append(line.tier().name()).append('\t').append(line.forPeriod()).append('\t')
                    .append(line.streams()).append('\t').append(line.amountMinor()).append('\t')
                    .append(line.currency()).append('\n');
        }
        return text.toString();
    }

    private static void writeTotals(Connection connection, Collection<RoyaltyStatementIssued> batch)
            throws SQLException {
        int n = batch.stream().mapToInt(s -> s.totals().size()).sum();
        if (n == 0) {
            return;
        }
        String[] periods = new String[n];
        String[] parties = new String[n];
        String[] currencies = new String[n];
        Long[] amounts = new Long[n];
        Long[] streams = new Long[n];
        int i = 0;
        for (RoyaltyStatementIssued statement : batch) {
            for (CurrencyTotal total : statement.totals()) {
                periods[i] = statement.period();
                parties[i] = statement.partyId();
                currencies[i] = total.currency();
                amounts[i] = total.amountMinor();
                streams[i++] = total.streams();
            }
        }
        execute(connection, INSERT_TOTALS, connection.createArrayOf("text", periods),
                connection.createArrayOf("text", parties), connection.createArrayOf("text", currencies),
                connection.createArrayOf("int8", amounts), connection.createArrayOf("int8", streams));
    }

    private static void writeLines(Connection connection, Collection<RoyaltyStatementIssued> batch)
            throws SQLException {
        int n = batch.stream().mapToInt(s -> s.lines().size()).sum();
        if (n == 0) {
            return;
        }
        String[] periods = new String[n];
        String[] parties = new String[n];
        Integer[] numbers = new Integer[n];
        String[] tracks = new String[n];
        String[] isrcs = new String[n];
        String[] territories = new String[n];
        String[] tiers = new String[n];
        String[] forPeriods = new String[n];
        Long[] streams = new Long[n];
        Long[] amounts = new Long[n];
        String[] currencies = new String[n];
        int i = 0;
        for (RoyaltyStatementIssued statement : batch) {
            int number = 0;
            for (StatementLine line : statement.lines()) {
                periods[i] = statement.period();
                parties[i] = statement.partyId();
                numbers[i] = number++;
                tracks[i] = line.trackId();
                isrcs[i] = line.isrc();
                territories[i] = line.territory();
                tiers[i] = line.tier().name();
                forPeriods[i] = line.forPeriod();
                streams[i] = line.streams();
                amounts[i] = line.amountMinor();
                currencies[i++] = line.currency();
            }
        }
        execute(connection, INSERT_LINES, connection.createArrayOf("text", periods),
                connection.createArrayOf("text", parties), connection.createArrayOf("int4", numbers),
                connection.createArrayOf("text", tracks), connection.createArrayOf("text", isrcs),
                connection.createArrayOf("text", territories), connection.createArrayOf("text", tiers),
                connection.createArrayOf("text", forPeriods), connection.createArrayOf("int8", streams),
                connection.createArrayOf("int8", amounts), connection.createArrayOf("text", currencies));
    }

    private static void execute(Connection connection, String sql, Array... arrays) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int p = 0; p < arrays.length; p++) {
                statement.setArray(p + 1, arrays[p]);
            }
            statement.executeUpdate();
        }
    }

    /** A statement's key; ordered so that concurrent batches insert in one order. */
    private record Key(String period, String partyId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = period.compareTo(o.period);
            return c != 0 ? c : partyId.compareTo(o.partyId);
        }
    }
}
