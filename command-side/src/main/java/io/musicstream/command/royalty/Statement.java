package io.musicstream.command.royalty;

import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.StatementLine;
import java.time.Instant;
import java.util.List;

/**
 * A rights holder's statement for a period as {@link StatementBuilder} computes it, before it is issued.
 *
 * @param lines  ordered by {@link StatementDigest#LINE_ORDER}
 * @param totals per currency, ordered by currency
 */
public record Statement(String period, String partyId, List<StatementLine> lines, List<CurrencyTotal> totals,
                        String digest) {

    public Statement {
        lines = List.copyOf(lines);
        totals = List.copyOf(totals);
    }

    /** The command that issues it. */
    public IssueStatement issue(Instant issuedAt) {
        return new IssueStatement(period, partyId, lines, issuedAt);
    }
}
