package io.musicstream.command.royalty;

import io.musicstream.events.royalty.StatementLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues a rights holder's statement for a period; its totals and digest are computed when it is issued.
 *
 * @param issuedAt when the statement is issued (from the caller's clock)
 */
public record IssueStatement(String period, String partyId, List<StatementLine> lines, Instant issuedAt) {

    public IssueStatement {
        lines = lines == null ? null : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** The id of the statement's aggregate: {@code <period>:<partyId>}. */
    @TargetAggregateIdentifier
    public String statementId() {
        return RoyaltyStatement.id(period, partyId);
    }
}
