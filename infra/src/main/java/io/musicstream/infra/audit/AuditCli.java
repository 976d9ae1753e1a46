package io.musicstream.infra.audit;

import java.io.PrintStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code make audit ARGS="--period=2026-11 [--party=..] [--rules-version=..] [--db-url=..]"}: the auditor's
 * replay from the command line, straight against a database (the make-run one by default), without the service.
 * Prints MATCH or MISMATCH per statement and the totals; exits 1 on any mismatch, 2 when it cannot run.
 */
public final class AuditCli {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:15432/music";

    private AuditCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String period = null;
        String party = null;
        Integer rulesVersion = null;
        String url = DEFAULT_URL;
        String user = "postgres";
        String password = "";
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--period=")) {
                period = value;
            } else if (arg.startsWith("--party=")) {
                party = value;
            } else if (arg.startsWith("--rules-version=")) {
                try {
                    rulesVersion = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    err.println("--rules-version must be a number, got " + value);
                    return 2;
                }
            } else if (arg.startsWith("--db-url=")) {
                url = value;
            } else if (arg.startsWith("--db-user=")) {
                user = value;
            } else if (arg.startsWith("--db-password=")) {
                password = value;
            } else {
                err.println("unknown argument " + arg + "; usage: --period=YYYY-MM [--party=ID] [--rules-version=N]"
                        + " [--db-url=" + DEFAULT_URL + "] [--db-user=postgres] [--db-password=]");
                return 2;
            }
        }
        YearMonth month;
        try {
            month = YearMonth.parse(period == null ? "" : period);
        } catch (DateTimeParseException e) {
            err.println("--period must be a month written YYYY-MM such as 2026-11, got " + period);
            return 2;
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        long started = System.nanoTime();
        String database = url;
        try {
            long[] read = {0};
            ReplayReport report = RoyaltyReplay.run(() -> DriverManager.getConnection(database, properties),
                    new RoyaltyReplay.Request(month, party, rulesVersion),
                    UUID.randomUUID(), (position, head, events) -> {
                        if (position == head) {
                            read[0] = System.nanoTime();
                        }
                    });
            print(report, (read[0] - started) / 1e9, (System.nanoTime() - read[0]) / 1e9, out);
            return report.whatIf() || report.allMatch() ? 0 : 1;
        } catch (SQLException | IllegalStateException e) {
            err.println("replay failed: " + e.getMessage());
            return 2;
        }
    }

    private static void print(ReplayReport report, double seconds, double recomputeSeconds, PrintStream out) {
        out.printf("royalty replay of %s%s under rules version %d%s%n", report.period(),
                report.partyId() == null ? "" : " for " + report.partyId(), report.rulesVersion(),
                report.whatIf() ? " (what-if; the close recorded version " + report.closedWithRulesVersion() + ")"
                        : "");
        for (ReplayReport.StatementCheck check : report.statements()) {
            String verdict = report.whatIf() ? (check.differingLineCount() == 0 ? "SAME" : "DIFFERENT")
                    : Boolean.TRUE.equals(check.match()) ? "MATCH" : "MISMATCH";
            out.printf("%s\t%s\tissued %s\trecomputed %s%n", verdict, check.partyId(), check.issuedDigest(),
                    check.recomputedDigest());
            for (ReplayReport.LineDiff line : check.differingLines()) {
                out.printf("\t%s %s %s %s %s: issued %s streams %s, recomputed %s streams %s%n", line.trackId(),
                        line.territory(), line.tier(), line.forPeriod(), line.currency(), line.issuedStreams(),
                        line.issuedAmountMinor(), line.recomputedStreams(), line.recomputedAmountMinor());
            }
        }
        for (ReplayReport.CurrencySums sums : report.totals().currencies()) {
            out.printf("total %s\tissued %d streams %d\trecomputed %d streams %d%n", sums.currency(),
                    sums.issuedAmountMinor(), sums.issuedStreams(), sums.recomputedAmountMinor(),
                    sums.recomputedStreams());
        }
        out.printf("%d statements, %d %s, %d %s; %d events read (%d counted plays) in %.1f s, %.0f events/s;"
                        + " recomputed in %.1f s%n",
                report.totals().statements(), report.totals().matched(), report.whatIf() ? "compared" : "match",
                report.totals().mismatched(), report.whatIf() ? "differ" : "mismatch", report.eventsRead(),
                report.countedStreams(), seconds, report.eventsRead() / Math.max(seconds, 1e-3), recomputeSeconds);
    }
}
