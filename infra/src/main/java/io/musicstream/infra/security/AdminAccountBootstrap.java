package io.musicstream.infra.security;

import io.musicstream.events.account.Role;
import io.musicstream.projections.account.UserAccounts;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the admin account named by MUSIC_ADMIN_USERNAME / MUSIC_ADMIN_PASSWORD unless it exists. */
@Component
class AdminAccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountBootstrap.class);

    private final Accounts accounts;
    private final UserAccounts readModel;
    private final String username;
    private final String password;

    AdminAccountBootstrap(Accounts accounts, UserAccounts readModel,
                          @Value("${music.admin.username:}") String username,
                          @Value("${music.admin.password:}") String password) {
        this.accounts = accounts;
        this.readModel = readModel;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank()) {
            log.info("no admin account configured (music.admin.username / music.admin.password)");
            return;
        }
        if (readModel.byUsername(Accounts.normalize(username)).isPresent()) {
            return;
        }
        try {
            accounts.register(username, password, EnumSet.allOf(Role.class), null);
            log.info("created admin account '{}'", Accounts.normalize(username));
        } catch (Accounts.UsernameTakenException raced) {
            log.info("admin account '{}' was created concurrently", Accounts.normalize(username));
        }
    }
}
