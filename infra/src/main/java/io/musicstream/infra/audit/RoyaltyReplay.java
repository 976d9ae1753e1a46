package io.musicstream.infra.audit;

import io.musicstream.command.royalty.PaidPool;
import io.musicstream.command.royalty.PayoutCalculator;
import io.musicstream.command.royalty.PeriodStatements;
import io.musicstream.command.royalty.PayoutLine;
import io.musicstream.command.royalty.PeriodFacts;
import io.musicstream.command.royalty.PoolPayout;
import io.musicstream.command.royalty.Statement;
import io.musicstream.command.royalty.StatementBuilder;
import io.musicstream.command.royalty.StatementDigest;
import io.musicstream.command.royalty.Usage;
import io.musicstream.events.ids.CodePoints;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The auditor's replay of one period's statements (docs/royalties.md): reads the event store's rows in global
 * index order, page by page, folds them into a tally in its own memory, recomputes every statement with the payout
 * calculator and the statement builder, and compares each with the one issued. It never reads a read model.
 */
public final class RoyaltyReplay {

    static final int PAGE = 5_000;
    static final int MAX_LINES_SHOWN = 1_000;
    private static final String PAGE_QUERY = """
            select global_index, payload_type, payload_revision, payload from domain_event_entry
            where global_index > ? and global_index <= ? and payload_type = any(?)
            order by global_index limit ?""";

    /** What is replayed: a period, optionally one holder and another rules version (a what-if). */
    public record Request(YearMonth period, String partyId, Integer rulesVersion) {
        public Request {
            Objects.requireNonNull(period, "period");
        }
    }

    /** Told after each page: the global index reached, the head the replay reads to, the events read. */
    public interface Progress {
        void at(long position, long head, long eventsRead);
    }

    private RoyaltyReplay() {
    }

    /** Opens a connection to the database replayed (auto-commit is set by the replay). */
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * Runs the replay: one thread reads pages and parses their plays, this one folds them in global index order into
     * a {@link ReplayTally}, so reading and folding overlap; then every statement is recomputed from the tally.
     *
     * @throws IllegalStateException when the period is not closed in the stream, a rules version is unknown, an
     *                               event is unreadable or the tally outgrows the heap
     */
    public static ReplayReport run(Connections connections, Request request, UUID job, Progress progress)
            throws SQLException {
        ExecutorService reading = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "royalty-replay-" + job);
            thread.setDaemon(true);
            return thread;
        });
        try (Connection connection = open(connections)) {
            long head;
            try (PreparedStatement max = connection.prepareStatement(
                    "select coalesce(max(global_index), 0) from domain_event_entry");
                 ResultSet rs = max.executeQuery()) {
                rs.next();
                head = rs.getLong(1);
            }
            ReplayTally tally = new ReplayTally();
            ReplayFold fold = new ReplayFold(request.period(), request.partyId(), tally);
            BlockingQueue<List<RawEvent>> pages = new ArrayBlockingQueue<>(4);
            Future<?> reader = reading.submit(() -> {
                read(connection, head, pages);
                return null;
            });
            while (true) {
                List<RawEvent> page = poll(pages);
                if (page == null) {
                    // the reader puts its last page before it is done
                    if (reader.isDone() && pages.isEmpty()) {
                        break;
                    }
                    continue;
                }
                page.forEach(fold::accept);
                progress.at(page.get(page.size() - 1).globalIndex(), head, fold.eventsRead());
            }
            done(reader);
            progress.at(head, head, fold.eventsRead());
            return recompute(fold, tally, request, head);
        } finally {
            reading.shutdownNow();
        }
    }

    private static Connection open(Connections connections) throws SQLException {
        Connection connection = connections.open();
        connection.setAutoCommit(true);
        return connection;
    }

    /** Reads the events up to {@code head} in global index order, a page at a time. */
    private static void read(Connection connection, long head, BlockingQueue<List<RawEvent>> pages)
            throws SQLException, InterruptedException {
        long position = 0;
        try (PreparedStatement page = connection.prepareStatement(PAGE_QUERY)) {
            page.setArray(3, connection.createArrayOf("text", ReplayFold.TYPES.toArray()));
            page.setInt(4, PAGE);
            while (true) {
                page.setLong(1, position);
                page.setLong(2, head);
                List<RawEvent> events = new ArrayList<>(PAGE);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        position = rs.getLong(1);
                        events.add(parsed(new RawEvent(position, rs.getString(2), rs.getString(3), rs.getBytes(4))));
                    }
                }
                if (!events.isEmpty()) {
                    pages.put(events);
                }
                if (events.size() < PAGE) {
                    return;
                }
            }
        }
    }

    /** The event with its play parsed, or as it is when it is no play or unreadable: the fold then says why. */
    private static RawEvent parsed(RawEvent event) {
        if (!ReplayFold.TRACK_PLAYED.equals(event.payloadType())) {
            return event;
        }
        try {
            return new RawEvent(event.globalIndex(), event.payloadType(), event.payloadRevision(), event.payload(),
                    ReplayFold.readPlay(event));
        } catch (IOException | RuntimeException e) {
            return event;
        }
    }

    private static List<RawEvent> poll(BlockingQueue<List<RawEvent>> pages) throws SQLException {
        try {
            return pages.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the event store", e);
        }
    }

    /** Rethrows what stopped the reading. */
    private static void done(Future<?> reading) throws SQLException {
        try {
            reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the event store", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static ReplayReport recompute(ReplayFold fold, ReplayTally work, Request request, long head) {
        YearMonth period = request.period();
        ReplayFold.Closed closed = fold.closes().get(period);
        if (closed == null) {
            throw new IllegalStateException("period " + period + " is not closed in the event store");
        }
        boolean whatIf = request.rulesVersion() != null && request.rulesVersion() != closed.rulesVersion();
        List<PaidPool> paid = new ArrayList<>();
        Facts facts = new Facts(work);
        RoyaltyRulesAdopted own = rules(fold, whatIf ? request.rulesVersion() : closed.rulesVersion());
        for (var pool : fold.pools(period).entrySet()) {
            PoolPayout payout = payout(work, facts, period, pool.getKey(), pool.getValue(), own, period);
            paid.add(new PaidPool(period.toString(), pool.getKey().territory(), pool.getKey().tier(),
                    pool.getValue().currency(), payout));
        }
        for (YearMonth late : work.latePeriods(period)) {
            ReplayFold.Closed lateClose = fold.closes().get(late);
            RoyaltyRulesAdopted rules = rules(fold, whatIf ? request.rulesVersion() : lateClose.rulesVersion());
            for (var pool : fold.pools(late).entrySet()) {
                PoolPayout after = payout(work, facts, late, pool.getKey(), pool.getValue(), rules, period);
                PoolPayout before = payout(work, facts, late, pool.getKey(), pool.getValue(), rules,
                        period.minusMonths(1));
                List<PayoutLine> lines = PeriodStatements.difference(after, before).lines();
                if (!lines.isEmpty()) {
                    paid.add(new PaidPool(late.toString(), pool.getKey().territory(), pool.getKey().tier(),
                            pool.getValue().currency(), new PoolPayout(pool.getValue().amountMinor(), lines, 0)));
                }
            }
        }
        Set<String> tracks = new TreeSet<>();
        paid.forEach(p -> p.payout().lines().forEach(line -> tracks.add(line.trackId())));
        long issuedFrom = fold.issued().stream().mapToLong(ReplayFold.Issued::globalIndex).min().orElse(head + 1);
        List<Statement> statements = StatementBuilder.build(period.toString(), paid, work.isrcs(tracks, issuedFrom));
        return compare(fold, request, closed, own.version(), whatIf, statements);
    }

    private static RoyaltyRulesAdopted rules(ReplayFold fold, int version) {
        RoyaltyRulesAdopted rules = fold.rules().get(version);
        if (rules == null) {
            throw new IllegalStateException("rules version " + version + " is not in the event store");
        }
        return rules;
    }

    /** A pool's split over the usages of {@code period} settled by {@code bound}, with facts of the same bound. */
    private static PoolPayout payout(ReplayTally work, Facts facts, YearMonth period, ReplayFold.PoolKey key,
                                     ReplayFold.Pool pool, RoyaltyRulesAdopted rules, YearMonth bound) {
        Map<String, Set<String>> trackArtists = new HashMap<>();
        List<Usage> usages = work.usages(period, key.territory(), key.tier().name(), bound, trackArtists);
        Map<String, Long> trailing = rules.minTrackStreams() > 0 ? facts.trailingStreams(period, bound) : Map.of();
        Map<String, PeriodFacts.ArtistReach> reach = rules.model() == PayoutModel.ARTIST_CENTRIC
                ? facts.artistReach(period, bound) : Map.of();
        Map<String, List<String>> artists = new HashMap<>();
        trackArtists.forEach((track, named) -> artists.put(track, List.copyOf(named)));
        return PayoutCalculator.split(pool.amountMinor(), rules, usages, new PeriodFacts(trailing, artists, reach));
    }

    /** A period's facts by settlement bound, read once for all of its pools. */
    private static final class Facts {
        private final ReplayTally work;
        private final Map<List<YearMonth>, Map<String, Long>> trailing = new HashMap<>();
        private final Map<List<YearMonth>, Map<String, PeriodFacts.ArtistReach>> reach = new HashMap<>();

        Facts(ReplayTally work) {
            this.work = work;
        }

        Map<String, Long> trailingStreams(YearMonth period, YearMonth bound) {
            List<YearMonth> key = List.of(period, bound);
            Map<String, Long> found = trailing.get(key);
            if (found == null) {
                found = work.trailingStreams(period, bound);
                trailing.put(key, found);
            }
            return found;
        }

        Map<String, PeriodFacts.ArtistReach> artistReach(YearMonth period, YearMonth bound) {
            List<YearMonth> key = List.of(period, bound);
            Map<String, PeriodFacts.ArtistReach> found = reach.get(key);
            if (found == null) {
                found = work.artistReach(period, bound);
                reach.put(key, found);
            }
            return found;
        }
    }

    private static ReplayReport compare(ReplayFold fold, Request request, ReplayFold.Closed closed, int rulesVersion,
                                        boolean whatIf, List<Statement> statements) {
        Map<String, RoyaltyStatementIssued> issued = new TreeMap<>(CodePoints.ORDER);
        for (ReplayFold.Issued each : fold.issued()) {
            issued.putIfAbsent(each.statement().partyId(), each.statement());
        }
        Map<String, Statement> recomputed = new TreeMap<>(CodePoints.ORDER);
        for (Statement statement : statements) {
            if (request.partyId() == null || request.partyId().equals(statement.partyId())) {
                recomputed.put(statement.partyId(), statement);
            }
        }
        TreeSet<String> parties = new TreeSet<>(CodePoints.ORDER);
        parties.addAll(issued.keySet());
        parties.addAll(recomputed.keySet());
        List<ReplayReport.StatementCheck> checks = new ArrayList<>();
        Map<String, long[]> currencies = new TreeMap<>(CodePoints.ORDER);
        int matched = 0;
        for (String party : parties) {
            RoyaltyStatementIssued was = issued.get(party);
            Statement now = recomputed.get(party);
            boolean recomputes = was != null && recomputes(was);
            List<ReplayReport.LineDiff> diffs = diff(was == null ? List.of() : was.lines(),
                    now == null ? List.of() : now.lines());
            boolean match = was != null && now != null && recomputes && was.digest().equals(now.digest());
            if (match) {
                matched++;
            }
            checks.add(new ReplayReport.StatementCheck(party, was == null ? null : was.digest(),
                    now == null ? null : now.digest(), whatIf ? null : match, recomputes, diffs.size(),
                    diffs.subList(0, Math.min(diffs.size(), MAX_LINES_SHOWN))));
            for (CurrencyTotal total : was == null ? List.<CurrencyTotal>of() : was.totals()) {
                long[] sum = currencies.computeIfAbsent(total.currency(), c -> new long[4]);
                sum[0] += total.streams();
                sum[2] += total.amountMinor();
            }
            for (CurrencyTotal total : now == null ? List.<CurrencyTotal>of() : now.totals()) {
                long[] sum = currencies.computeIfAbsent(total.currency(), c -> new long[4]);
                sum[1] += total.streams();
                sum[3] += total.amountMinor();
            }
        }
        List<ReplayReport.CurrencySums> sums = new ArrayList<>();
        currencies.forEach((currency, sum) -> sums.add(new ReplayReport.CurrencySums(currency, sum[0], sum[1],
                sum[2], sum[3])));
        int mismatched = whatIf ? (int) checks.stream().filter(c -> c.differingLineCount() > 0).count()
                : checks.size() - matched;
        return new ReplayReport(request.period().toString(), request.partyId(), rulesVersion, closed.rulesVersion(),
                whatIf, fold.eventsRead(), fold.countedStreams(), fold.skipped(), checks,
                new ReplayReport.Totals(checks.size(), whatIf ? 0 : matched, mismatched, sums));
    }

    private static boolean recomputes(RoyaltyStatementIssued statement) {
        try {
            return StatementDigest.digest(statement).equals(statement.digest());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record LineKey(String trackId, String territory, String tier, String forPeriod, String currency) {
        static LineKey of(StatementLine line) {
            return new LineKey(line.trackId(), line.territory(), line.tier() == null ? null : line.tier().name(),
                    line.forPeriod(), line.currency());
        }
    }

    /** The lines that differ, in the statement's line order. */
    private static List<ReplayReport.LineDiff> diff(List<StatementLine> issued, List<StatementLine> recomputed) {
        Map<LineKey, StatementLine[]> byKey = new LinkedHashMap<>();
        List<StatementLine> all = new ArrayList<>(issued);
        all.addAll(recomputed);
        all.sort(StatementDigest.LINE_ORDER);
        for (StatementLine line : all) {
            byKey.putIfAbsent(LineKey.of(line), new StatementLine[2]);
        }
        issued.forEach(line -> byKey.get(LineKey.of(line))[0] = line);
        recomputed.forEach(line -> byKey.get(LineKey.of(line))[1] = line);
        List<ReplayReport.LineDiff> diffs = new ArrayList<>();
        for (StatementLine[] pair : byKey.values()) {
            StatementLine was = pair[0];
            StatementLine now = pair[1];
            if (was != null && was.equals(now)) {
                continue;
            }
            StatementLine any = was != null ? was : now;
            diffs.add(new ReplayReport.LineDiff(any.trackId(), any.territory(), any.tier(), any.forPeriod(),
                    any.currency(), was == null ? null : was.isrc(), now == null ? null : now.isrc(),
                    was == null ? null : was.streams(), now == null ? null : now.streams(),
                    was == null ? null : was.amountMinor(), now == null ? null : now.amountMinor()));
        }
        return diffs;
    }
}
