package io.musicstream.events.royalty;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A rights holder's statement for one period, immutable once issued.
 *
 * @param lines  one per track, territory, tier, period of the streams and currency
 * @param totals one per currency of the lines, ordered by currency
 * @param digest SHA-256 of the statement's canonical form, lower-case hex (docs/royalties.md)
 */
@Revision("1")
public record RoyaltyStatementIssued(
        String period,
        String partyId,
        List<StatementLine> lines,
        List<CurrencyTotal> totals,
        String digest,
        Instant issuedAt) implements RoyaltyEvent {

    public RoyaltyStatementIssued {
        lines = lines == null ? List.of() : List.copyOf(lines);
        totals = totals == null ? List.of() : List.copyOf(totals);
    }
}
