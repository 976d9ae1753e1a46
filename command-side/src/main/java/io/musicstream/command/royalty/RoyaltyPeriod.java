package io.musicstream.command.royalty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InputRules;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One royalty period, a calendar month in UTC, identified by {@code YYYY-MM}: the revenue pools declared for
 * it. Declaring a territory and tier again replaces its amount; its currency never changes, so amounts of
 * one pool are always comparable. Once the month has ended the period can be closed, once; its pools are then
 * final.
 */
@Aggregate
public class RoyaltyPeriod {

    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;
    /** Period ids: four-digit year, two-digit month. */
    public static final Pattern PERIOD = Pattern.compile("[0-9]{4}-[0-9]{2}");
    static final Set<String> TERRITORIES = Set.of(Locale.getISOCountries());
    static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private record Pool(String territory, Plan tier) {
    }

    @AggregateIdentifier
    private String period;
    private final Map<Pool, String> currencies = new HashMap<>();
    private RoyaltyPeriodClosed closed;

    protected RoyaltyPeriod() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeclareRevenuePool command) {
        InputRules rules = InputRules.check().text("declaredBy", command.declaredBy(), InputRules.ID);
        if (command.declaredBy() == null || command.declaredBy().isBlank()) {
            rules.fault("declaredBy", "is required");
        }
        String periodFault = periodFault(command.period());
        if (periodFault != null) {
            rules.fault("period", periodFault);
        }
        if (command.territory() == null || !TERRITORIES.contains(command.territory())) {
            rules.fault("territory", "must be an ISO 3166-1 alpha-2 code such as DK, got " + shown(command.territory()));
        }
        if (command.tier() == null) {
            rules.fault("tier", "is required");
        }
        if (command.amountMinor() < 0 || command.amountMinor() > MAX_AMOUNT_MINOR) {
            rules.fault("amountMinor", "must be from 0 to " + MAX_AMOUNT_MINOR + ", got " + command.amountMinor());
        }
        if (command.currency() == null || !CURRENCIES.contains(command.currency())) {
            rules.fault("currency", "must be an ISO 4217 code such as DKK, got " + shown(command.currency()));
        } else {
            String declared = currencies.get(new Pool(command.territory(), command.tier()));
            if (declared != null && !declared.equals(command.currency())) {
                rules.fault("currency", "the " + command.territory() + " " + command.tier() + " pool of "
                        + command.period() + " is declared in " + declared + ", got " + command.currency());
            }
        }
        if (command.requestedAt() == null) {
            rules.fault("requestedAt", "is required");
        }
        rules.orThrow();
        if (closed != null) {
            throw new ConflictException("period " + command.period() + " is closed: its pools are final");
        }
        apply(new RevenuePoolDeclared(command.period(), command.territory(), command.tier(), command.amountMinor(),
                command.currency(), command.requestedAt(), command.declaredBy()));
    }

    /**
     * Closes the period under the rules in force at its end. Those cannot change any more: a new rules version
     * starts no earlier than it is adopted, and the month is over.
     *
     * @return the rules version recorded
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(CloseRoyaltyPeriod command, RoyaltyRulesInForce rulesInForce) {
        InputRules rules = InputRules.check().text("closedBy", command.closedBy(), InputRules.ID);
        if (command.closedBy() == null || command.closedBy().isBlank()) {
            rules.fault("closedBy", "is required");
        }
        String periodFault = periodFault(command.period());
        if (periodFault != null) {
            rules.fault("period", periodFault);
        }
        if (command.requestedAt() == null) {
            rules.fault("requestedAt", "is required");
        }
        rules.orThrow();
        if (closed != null) {
            throw new ConflictException("period " + command.period() + " is already closed (at " + closed.closedAt()
                    + " by " + closed.closedBy() + ")");
        }
        YearMonth month = YearMonth.parse(command.period());
        Instant end = endOf(month);
        if (command.requestedAt().isBefore(end)) {
            throw new ConflictException("period " + command.period() + " has not ended: it can close from " + end);
        }
        int version = rulesInForce.history().decide(month).version();
        apply(new RoyaltyPeriodClosed(command.period(), version, command.requestedAt(), command.closedBy()));
        return version;
    }

    /** The first instant after {@code month}. */
    static Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Why {@code period} is not a {@code YYYY-MM} month, or {@code null} when it is. */
    public static String periodFault(String period) {
        if (period == null || period.length() != 7 || !PERIOD.matcher(period).matches()) {
            return "must be a month written YYYY-MM such as 2026-11, got " + shown(period);
        }
        try {
            YearMonth.parse(period);
            return null;
        } catch (DateTimeParseException e) {
            return "must be a month written YYYY-MM such as 2026-11, got " + period;
        }
    }

    private static String shown(String value) {
        if (value == null) {
            return "nothing";
        }
        String fault = InputRules.textFault(value, 10);
        return fault == null ? value : "a value that " + fault;
    }

    @EventSourcingHandler
    void on(RevenuePoolDeclared event) {
        this.period = event.period();
        currencies.putIfAbsent(new Pool(event.territory(), event.tier()), event.currency());
    }

    @EventSourcingHandler
    void on(RoyaltyPeriodClosed event) {
        this.period = event.period();
        this.closed = event;
    }
}
