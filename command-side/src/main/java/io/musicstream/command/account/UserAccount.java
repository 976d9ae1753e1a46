package io.musicstream.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.account.Role;
import io.musicstream.events.account.UserCountryChanged;
import io.musicstream.events.account.UserPasswordChanged;
import io.musicstream.events.account.UserRegistered;
import io.musicstream.events.account.UserRolesChanged;
import java.util.EnumSet;
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
    void on(UserCountryChanged event) {
        this.country = event.country();
    }
}
