package io.musicstream.infra.security;

import io.musicstream.events.account.ChangeUserPassword;
import io.musicstream.events.account.Role;
import io.musicstream.projections.account.UserAccountView;
import io.musicstream.projections.account.UserAccounts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the admin account (MUSIC_ADMIN_USERNAME, default {@code admin}) with every role unless it exists.
 * Its password is MUSIC_ADMIN_PASSWORD; with {@code music.admin.generate-password=true} and none given, one
 * generated at first start and kept in {@code music.admin.generated-password-dir}. A missing or weak password refuses the
 * start, and so does an existing admin still on the former default unless a good password replaces it.
 */
@Component
class AdminAccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountBootstrap.class);

    private final Accounts accounts;
    private final UserAccounts readModel;
    private final PasswordEncoder passwords;
    private final CommandGateway commands;
    private final Clock clock;
    private final String username;
    private final String password;
    private final boolean generate;
    private final Path dir;

    AdminAccountBootstrap(Accounts accounts, UserAccounts readModel, PasswordEncoder passwords,
                          CommandGateway commands, Clock clock,
                          @Value("${music.admin.username:admin}") String username,
                          @Value("${music.admin.password:}") String password,
                          @Value("${music.admin.generate-password:false}") boolean generate,
                          @Value("${music.admin.generated-password-dir:.run/dev}") Path dir) {
        this.accounts = accounts;
        this.readModel = readModel;
        this.passwords = passwords;
        this.commands = commands;
        this.clock = clock;
        this.username = username.isBlank() ? "admin" : username;
        this.password = password;
        this.generate = generate;
        this.dir = dir;
    }

    @Override
    public void run(ApplicationArguments args) {
        AdminPassword.Resolved resolved = AdminPassword.resolve(password, generate, dir);
        String name = Accounts.normalize(username);
        Optional<UserAccountView> existing = readModel.byUsername(name);
        if (existing.isPresent()) {
            if (passwords.matches(AdminPassword.FORMER_DEFAULT, existing.get().passwordHash())) {
                commands.sendAndWait(new ChangeUserPassword(existing.get().userId(),
                        passwords.encode(resolved.password()), clock.instant()));
                log.warn("admin account '{}' still had the former default password; replaced it", name);
                announce(resolved, name);
            }
            return;
        }
        try {
            accounts.register(username, resolved.password(), EnumSet.allOf(Role.class), null);
            log.info("created admin account '{}'", name);
            announce(resolved, name);
        } catch (Accounts.UsernameTakenException raced) {
            log.info("admin account '{}' was created concurrently", name);
        }
    }

    /** Shows a generated password once, on the console rather than in the structured log. */
    private static void announce(AdminPassword.Resolved resolved, String name) {
        if (resolved.file() != null) {
            log.warn("the admin password is kept in {} (owner-only)", resolved.file());
            System.out.println("\n    Admin sign-in: username '" + name + "', password '" + resolved.password()
                    + "' (kept in " + resolved.file() + ")\n");
        }
    }
}
