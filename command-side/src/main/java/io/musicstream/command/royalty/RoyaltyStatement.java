package io.musicstream.command.royalty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InputRules;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.CurrencyTotal;
import io.musicstream.events.royalty.RoyaltyStatementIssued;
import io.musicstream.events.royalty.StatementLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One rights holder's statement for one period, id {@code <period>:<partyId>}. Issued once and never changed:
 * money paid on it must always match the digest the holder and the auditors were given. Later corrections are
 * adjustment lines on a later period's statement.
 */
@Aggregate
public class RoyaltyStatement {

    @AggregateIdentifier
    private String statementId;
    private String digest;

    protected RoyaltyStatement() {
    }

    /** The aggregate id of a period's statement for a party. */
    public static String id(String period, String partyId) {
        return period + ":" + partyId;
    }

    /** @return the digest of the statement issued */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(IssueStatement command) {
        if (digest != null) {
            throw new ConflictException("the statement " + statementId + " is already issued with digest "
                    + digest + "; statements never change");
        }
        InputRules rules = InputRules.check().text("partyId", command.partyId(), InputRules.ID);
        if (command.partyId() == null || command.partyId().isBlank()) {
            rules.fault("partyId", "is required");
        }
        String periodFault = RoyaltyPeriod.periodFault(command.period());
        if (periodFault != null) {
            rules.fault("period", periodFault);
        }
        if (command.issuedAt() == null) {
            rules.fault("issuedAt", "is required");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            rules.fault("lines", "a statement has at least one line");
        } else {
            checkLines(rules, command.period(), periodFault == null, command.lines());
        }
        List<CurrencyTotal> totals = List.of();
        if (rules.errors().isEmpty()) {
            try {
                totals = StatementDigest.totals(command.lines());
            } catch (ArithmeticException e) {
                rules.fault("lines", "the amounts or streams of one currency overflow a total");
            }
        }
        rules.orThrow();
        String issued = StatementDigest.digest(command.period(), command.partyId(), command.lines(), totals);
        apply(new RoyaltyStatementIssued(command.period(), command.partyId(),
                sorted(command.lines()), totals, issued, command.issuedAt()));
        return issued;
    }

    private static List<StatementLine> sorted(List<StatementLine> lines) {
        List<StatementLine> sorted = new ArrayList<>(lines);
        sorted.sort(StatementDigest.LINE_ORDER);
        return sorted;
    }

    private record Key(String trackId, String territory, Plan tier, String forPeriod, String currency) {
    }

    private static void checkLines(InputRules rules, String period, boolean periodValid, List<StatementLine> lines) {
        Set<Key> keys = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "].";
            StatementLine line = lines.get(i);
            if (line == null) {
                rules.fault("lines[" + i + "]", "is required");
                continue;
            }
            required(rules, at + "trackId", line.trackId());
            required(rules, at + "isrc", line.isrc());
            if (line.territory() == null || !RoyaltyPeriod.TERRITORIES.contains(line.territory())) {
                rules.fault(at + "territory", "must be an ISO 3166-1 alpha-2 code such as DK");
            }
            if (line.tier() == null) {
                rules.fault(at + "tier", "is required");
            }
            String forPeriodFault = RoyaltyPeriod.periodFault(line.forPeriod());
            if (forPeriodFault != null) {
                rules.fault(at + "forPeriod", forPeriodFault);
            } else if (periodValid && line.forPeriod().compareTo(period) > 0) {
                rules.fault(at + "forPeriod", "must not be after the statement's period " + period
                        + ", got " + line.forPeriod());
            }
            // an adjustment may take streams back: a late stream can push others under the daily cap
            boolean adjustment = forPeriodFault == null && periodValid && line.forPeriod().compareTo(period) < 0;
            if (line.streams() < 0 && !adjustment) {
                rules.fault(at + "streams", "must not be negative, got " + line.streams());
            }
            if (line.currency() == null || !RoyaltyPeriod.CURRENCIES.contains(line.currency())) {
                rules.fault(at + "currency", "must be an ISO 4217 code such as DKK");
            }
            if (!keys.add(new Key(line.trackId(), line.territory(), line.tier(), line.forPeriod(), line.currency()))) {
                rules.fault(at.substring(0, at.length() - 1), "repeats the track, territory, tier, forPeriod and "
                        + "currency of an earlier line; merge them");
            }
        }
    }

    private static void required(InputRules rules, String field, String value) {
        rules.text(field, value, InputRules.ID);
        if (value == null || value.isBlank()) {
            rules.fault(field, "is required");
        }
    }

    @EventSourcingHandler
    void on(RoyaltyStatementIssued event) {
        this.statementId = id(event.period(), event.partyId());
        this.digest = event.digest();
    }
}
