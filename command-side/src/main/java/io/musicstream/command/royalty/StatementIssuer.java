package io.musicstream.command.royalty;

import io.musicstream.command.common.ConflictException;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues a period's statements when it closes (docs/royalties.md, "Issuing statements"): once the usage read
 * model has handled the close, its own lines and the adjustments of earlier periods settled in it, one
 * {@link IssueStatement} per holder. A statement already issued is left as it is, so a redelivered close
 * issues nothing twice.
 */
@ProcessingGroup(StatementIssuer.PROCESSING_GROUP)
public class StatementIssuer {

    public static final String PROCESSING_GROUP = "royalty-issuer";
    private static final Logger log = LoggerFactory.getLogger(StatementIssuer.class);

    private final CommandGateway commands;
    private final EventStore events;
    private final SettledUsages usages;
    private final RoyaltyRulesInForce rules;
    private final Clock clock;

    public StatementIssuer(CommandGateway commands, EventStore events, SettledUsages usages,
                           RoyaltyRulesInForce rules, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.usages = usages;
        this.rules = rules;
        this.clock = clock;
    }

    @EventHandler
    void on(RoyaltyPeriodClosed closed, TrackingToken token) {
        long index = token.position().orElseThrow(() -> new IllegalStateException(
                "the close of " + closed.period() + " came without a global index"));
        usages.awaitHandled(index);
        YearMonth period = YearMonth.parse(closed.period());
        RoyaltyRuleHistory history = rules.history();
        Settlement own = settlement(period, closed(period, history), period);
        List<PeriodStatements.Adjustment> adjustments = new ArrayList<>();
        for (YearMonth earlier : usages.settledLateIn(period)) {
            Closed before = closed(earlier, history);
            adjustments.add(new PeriodStatements.Adjustment(settlement(earlier, before, period),
                    settlement(earlier, before, period.minusMonths(1))));
        }
        PeriodStatements.Result result = PeriodStatements.paidPools(own, adjustments);
        for (DeclaredPool pool : result.unallocated()) {
            log.info("royalty period {}: pool {} {} of {} {} had no stream to pay; nothing paid from it", period,
                    pool.territory(), pool.tier(), pool.amountMinor(), pool.currency());
        }
        List<Statement> statements = PeriodStatements.statements(closed.period(), result,
                usages.isrcs(PeriodStatements.trackIds(result)));
        int issued = 0;
        for (Statement statement : statements) {
            if (issue(statement)) {
                issued++;
            }
        }
        log.info("royalty period {}: {} statements, {} issued now, {} adjusted earlier periods", period,
                statements.size(), issued, adjustments.size());
    }

    /** Issues {@code statement} unless it already was; false when it was. */
    private boolean issue(Statement statement) {
        if (events.readEvents(RoyaltyStatement.id(statement.period(), statement.partyId())).hasNext()) {
            return false;
        }
        try {
            commands.sendAndWait(statement.issue(clock.instant()));
            return true;
        } catch (RuntimeException e) {
            ConflictException conflict = cause(e, ConflictException.class);
            if (conflict == null) {
                throw e;
            }
            // issued meanwhile: statements never change, so it is done
            log.info("royalty statement {} already issued: {}", statement.partyId(), conflict.getMessage());
            return false;
        }
    }

    private record Closed(RoyaltyRulesAdopted rules, List<DeclaredPool> pools) {
    }

    /** A closed period's rules and final pools, from its aggregate's events. */
    private Closed closed(YearMonth period, RoyaltyRuleHistory history) {
        Map<List<Object>, DeclaredPool> pools = new LinkedHashMap<>();
        RoyaltyPeriodClosed close = null;
        DomainEventStream stream = events.readEvents(period.toString());
        while (stream.hasNext() && close == null) {
            Object payload = stream.next().getPayload();
            if (payload instanceof RevenuePoolDeclared declared) {
                pools.put(List.of(declared.territory(), declared.tier()), new DeclaredPool(declared.territory(),
                        declared.tier(), declared.amountMinor(), declared.currency()));
            } else if (payload instanceof RoyaltyPeriodClosed closed) {
                close = closed;
            }
        }
        if (close == null) {
            throw new IllegalStateException("royalty period " + period + " has streams settled later but no close");
        }
        int version = close.rulesVersion();
        RoyaltyRulesAdopted rules = history.versions().stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new IllegalStateException("royalty rules version " + version + " of " + period
                        + " is unknown"));
        return new Closed(rules, List.copyOf(pools.values()));
    }

    /** {@code period}'s payout over its usages settled in {@code settledBy} or earlier; facts read once. */
    private Settlement settlement(YearMonth period, Closed closed, YearMonth settledBy) {
        PeriodFacts[] wide = new PeriodFacts[1];
        return new Settlement(period.toString(), closed.rules(), closed.pools(), (territory, tier) -> {
            SettledUsages.PoolUsages pool = usages.usages(period, territory, tier, settledBy);
            if (wide[0] == null) {
                wide[0] = usages.facts(period, settledBy, closed.rules());
            }
            return new Settlement.Input(pool.usages(), new PeriodFacts(wide[0].trailingStreams(),
                    pool.trackArtists(), wide[0].artistReach()));
        });
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
