package io.musicstream.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.account.Plan;
import io.musicstream.events.account.PlanChanged;
import io.musicstream.events.account.Role;
import io.musicstream.events.account.UserCountryChanged;
import io.musicstream.events.account.UserPasswordChanged;
import io.musicstream.events.account.UserRegistered;
import io.musicstream.events.account.UserRolesChanged;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's account. Username uniqueness spans all accounts, so it is enforced by the unique constraint of
 * the account projection, which runs in the same transaction as this aggregate's events.
 */
@Aggregate
public class UserAccount {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @AggregateIdentifier
    private String userId;
    private String country;
    private Set<Role> roles;
    private Plan plan = Plan.FREE;
    /** The payment provider's events already handled: a provider retries until it sees an answer. */
    private final Set<String> billingEvents = new HashSet<>();

    protected UserAccount() {
    }

    @CommandHandler
    public UserAccount(RegisterUser command) {
        if (command.roles() == null || command.roles().isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        if (command.country() != null) {
            requireCountry(command.country());
        }
        apply(new UserRegistered(command.userId(), command.username(), command.passwordHash(),
                command.roles(), command.registeredAt()));
        if (command.country() != null) {
            apply(new UserCountryChanged(command.userId(), command.country(), command.registeredAt()));
        }
    }

    @CommandHandler
    void handle(ChangeUserCountry command) {
        requireCountry(command.country());
        if (!Objects.equals(country, command.country())) {
            apply(new UserCountryChanged(userId, command.country(), command.requestedAt()));
        }
    }

    @CommandHandler
    void handle(ChangeUserPassword command) {
        if (command.passwordHash() == null || command.passwordHash().isBlank()) {
            throw new InvalidCommandException(List.of("passwordHash must not be blank"));
        }
        apply(new UserPasswordChanged(userId, command.passwordHash(), command.requestedAt()));
    }

    @CommandHandler
    void handle(ChangeUserRoles command) {
        if (command.roles() == null || command.roles().isEmpty()
                || command.roles().stream().anyMatch(Objects::isNull)) {
            throw new InvalidCommandException(List.of("roles: a user needs at least one role"));
        }
        Set<Role> requested = EnumSet.copyOf(command.roles());
        if (!requested.equals(roles)) {
            apply(new UserRolesChanged(userId, requested, command.changedBy(), command.requestedAt()));
        }
    }

    /**
     * Puts the user on the plan and makes the PREMIUM role follow it: {@link PlanChanged}, then
     * {@link UserRolesChanged} when the roles change (also when only the roles disagreed with the plan). A
     * payment provider's event seen before changes nothing.
     */
    @CommandHandler
    PlanChangeResult handle(ChangePlan command) {
        if (command.plan() == null) {
            throw new InvalidCommandException(List.of("plan must be FREE or PREMIUM"));
        }
        if (!PlanChanged.ADMIN.equals(command.source()) && !PlanChanged.BILLING.equals(command.source())) {
            throw new InvalidCommandException(List.of("source must be ADMIN or BILLING"));
        }
        if (command.changedBy() == null || command.changedBy().isBlank()) {
            throw new InvalidCommandException(List.of("changedBy must not be blank"));
        }
        boolean billing = PlanChanged.BILLING.equals(command.source());
        if (billing && billingEvents.contains(command.changedBy())) {
            return new PlanChangeResult(plan, EnumSet.copyOf(roles), false, true);
        }
        if (plan != command.plan()) {
            apply(new PlanChanged(userId, command.plan(), command.source(), command.changedBy(),
                    command.requestedAt()));
        }
        Set<Role> following = rolesFollowing(command.plan());
        boolean rolesChanged = !following.equals(roles);
        if (rolesChanged) {
            apply(new UserRolesChanged(userId, following, billing ? PlanChanged.BILLING : command.changedBy(),
                    command.requestedAt()));
        }
        return new PlanChangeResult(plan, EnumSet.copyOf(roles), rolesChanged, false);
    }

    /** The roles with PREMIUM exactly when the plan is; LISTENER when nothing else would be left. */
    private Set<Role> rolesFollowing(Plan target) {
        Set<Role> following = EnumSet.copyOf(roles);
        if (target == Plan.PREMIUM) {
            following.add(Role.PREMIUM);
        } else {
            following.remove(Role.PREMIUM);
        }
        if (following.isEmpty()) {
            following.add(Role.LISTENER);
        }
        return following;
    }

    /** An ISO 3166-1 alpha-2 code in upper case. */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    private static void requireCountry(String code) {
        if (!isCountry(code)) {
            throw new InvalidCommandException(List.of("country must be an ISO 3166-1 alpha-2 code such as SE or US"));
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        this.userId = event.userId();
        this.roles = EnumSet.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(UserRolesChanged event) {
        this.roles = EnumSet.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(PlanChanged event) {
        this.plan = event.plan();
        if (PlanChanged.BILLING.equals(event.source())) {
            billingEvents.add(event.changedBy());
        }
    }

    @EventSourcingHandler
    void on(UserCountryChanged event) {
        this.country = event.country();
    }
}
