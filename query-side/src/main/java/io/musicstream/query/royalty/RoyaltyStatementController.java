package io.musicstream.query.royalty;

import io.musicstream.projections.royalty.statements.RoyaltyStatements;
import io.musicstream.query.common.Csv;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issued royalty statements for auditors and admins: a period's statements with their digests, and one statement
 * as JSON (the event's fields, so its digest can be recomputed as docs/royalties.md shows), as CSV of its lines
 * ({@code Accept: text/csv}), or as a DDEX DSR-style flat file ({@code Accept: application/vnd.ddex.dsr+tsv}).
 */
@RestController
@RequestMapping("/api/v1/royalties/periods/{period}/statements")
@PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
class RoyaltyStatementController {

    private final RoyaltyStatements statements;

    RoyaltyStatementController(RoyaltyStatements statements) {
        this.statements = statements;
    }

    public record Total(String currency, long amountMinor, long streams) {
    }

    public record StatementSummary(String partyId, String digest, Instant issuedAt, List<Total> totals) {
    }

    /** @param next the {@code after} of the next page; {@code null} when this page is not full */
    public record StatementPage(String period, int limit, String after, List<StatementSummary> items, String next) {
    }

    public record StatementLine(String trackId, String isrc, String territory, String tier, String forPeriod,
                                long streams, long amountMinor, String currency) {
    }

    public record Statement(String period, String partyId, List<StatementLine> lines, List<Total> totals,
                            String digest, Instant issuedAt) {
    }

    /** The period's statements ordered by party id in code point order, {@code limit} after {@code after}. */
    @GetMapping(produces = "application/json")
    public StatementPage list(@PathVariable String period, @RequestParam(defaultValue = "100") int limit,
                              @RequestParam(required = false) String after) {
        YearMonth month = RoyaltyInputs.period(period);
        RoyaltyInputs.limit(limit);
        RoyaltyInputs.id("after", after);
        List<StatementSummary> items = statements.page(month, after, limit).stream()
                .map(s -> new StatementSummary(s.partyId(), s.digest(), s.issuedAt(), totals(s.totals()))).toList();
        String next = items.size() == limit ? items.get(items.size() - 1).partyId() : null;
        return new StatementPage(month.toString(), limit, after, items, next);
    }

    /** The statement as the event has it: lines in the digest's canonical order, totals by currency. */
    @GetMapping(value = "/{partyId}", produces = "application/json")
    public Statement statement(@PathVariable String period, @PathVariable String partyId) {
        RoyaltyStatements.Statement found = find(period, partyId);
        return new Statement(found.period(), found.partyId(), found.lines().stream()
                .map(l -> new StatementLine(l.trackId(), l.isrc(), l.territory(), l.tier(), l.forPeriod(),
                        l.streams(), l.amountMinor(), l.currency())).toList(),
                totals(found.totals()), found.digest(), found.issuedAt());
    }

    /** The statement's lines as CSV with a header line, in the canonical order. */
    @GetMapping(value = "/{partyId}", produces = Csv.MEDIA_TYPE)
    public void statementCsv(@PathVariable String period, @PathVariable String partyId, HttpServletResponse response)
            throws IOException {
        RoyaltyStatements.Statement found = find(period, partyId);
        Csv.stream(response, fileName(found, "csv"),
                "trackId,isrc,territory,tier,forPeriod,streams,amountMinor,currency",
                line -> found.lines().forEach(l -> line.accept(Csv.field(l.trackId()) + ',' + Csv.field(l.isrc())
                        + ',' + l.territory() + ',' + l.tier() + ',' + l.forPeriod() + ',' + l.streams() + ','
                        + l.amountMinor() + ',' + l.currency())));
    }

    /** The statement as a DDEX DSR-style flat file (a documented subset of the basic audio profile). */
    @GetMapping(value = "/{partyId}", produces = DsrFile.MEDIA_TYPE)
    public void statementDsr(@PathVariable String period, @PathVariable String partyId, HttpServletResponse response)
            throws IOException {
        RoyaltyStatements.Statement found = find(period, partyId);
        byte[] body = DsrFile.write(found).getBytes(StandardCharsets.UTF_8);
        response.setContentType(DsrFile.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(found, "tsv") + "\"");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    private RoyaltyStatements.Statement find(String period, String partyId) {
        YearMonth month = RoyaltyInputs.period(period);
        RoyaltyInputs.id("partyId", partyId);
        return statements.statement(month, partyId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no statement was issued for party " + partyId + " in period " + month));
    }

    private static String fileName(RoyaltyStatements.Statement statement, String extension) {
        return "statement-" + statement.period() + "-" + RoyaltyInputs.fileNamePart(statement.partyId()) + "."
                + extension;
    }

    private static List<Total> totals(List<RoyaltyStatements.Total> totals) {
        return totals.stream().map(t -> new Total(t.currency(), t.amountMinor(), t.streams())).toList();
    }
}
