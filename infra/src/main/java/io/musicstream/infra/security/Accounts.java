package io.musicstream.infra.security;

import io.musicstream.command.account.RegisterUser;
import io.musicstream.events.account.Role;
import io.musicstream.projections.account.UserAccountView;
import io.musicstream.projections.account.UserAccounts;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Registration and password checks. Passwords are hashed here; only hashes enter commands and events. */
@Service
public class Accounts {

    public static class UsernameTakenException extends RuntimeException {
        UsernameTakenException(String username) {
            super("username '" + username + "' is taken");
        }
    }

    private final CommandGateway commands;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final PersistenceExceptionResolver persistenceExceptions;
    private final String dummyHash;

    public Accounts(CommandGateway commands, UserAccounts accounts, PasswordEncoder passwords, Clock clock,
                    PersistenceExceptionResolver persistenceExceptions) {
        this.commands = commands;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.persistenceExceptions = persistenceExceptions;
        this.dummyHash = passwords.encode("timing-equalizer");
    }

    public static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public UserAccountView register(String username, String password, Set<Role> roles, String country) {
        String name = normalize(username);
        if (accounts.byUsername(name).isPresent()) {
            throw new UsernameTakenException(name);
        }
        String userId = UUID.randomUUID().toString();
        RegisterUser command = new RegisterUser(userId, name, passwords.encode(password), roles, country,
                clock.instant());
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (persistenceExceptions.isDuplicateKeyViolation(e)) {
                throw new UsernameTakenException(name);
            }
            throw e;
        }
        return new UserAccountView(userId, name, command.passwordHash(), roles, command.registeredAt(), country);
    }

    /** Whether {@code password} is the account's current one. */
    public boolean matches(String password, UserAccountView account) {
        return passwords.matches(password, account.passwordHash());
    }

    /** The hash to store for a new password. */
    public String hash(String password) {
        return passwords.encode(password);
    }

    /** The account if the password matches; spends the same hashing time when the user does not exist. */
    public Optional<UserAccountView> authenticate(String username, String password) {
        Optional<UserAccountView> account = accounts.byUsername(normalize(username));
        if (account.isEmpty()) {
            passwords.matches(password, dummyHash);
            return Optional.empty();
        }
        return passwords.matches(password, account.get().passwordHash()) ? account : Optional.empty();
    }
}
