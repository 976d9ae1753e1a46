package io.musicstream.projections.account;

import io.musicstream.events.account.PlanChanged;
import io.musicstream.events.account.UserCountryChanged;
import io.musicstream.events.account.UserPasswordChanged;
import io.musicstream.events.account.UserRegistered;
import io.musicstream.events.account.UserRolesChanged;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accounts by username, for login and for username uniqueness. Runs in a subscribing processor, inside the
 * transaction that appends the account's events: a duplicate username violates the table's unique key and
 * rolls the registration back.
 */
@Component
@ProcessingGroup(UserAccountProjection.PROCESSING_GROUP)
public class UserAccountProjection {

    public static final String PROCESSING_GROUP = "user-accounts";

    private final JdbcClient jdbc;

    UserAccountProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event) {
        String[] roles = event.roles().stream().map(Enum::name).sorted().toArray(String[]::new);
        jdbc.sql("""
                        insert into user_account (user_id, username, password_hash, roles, registered_at)
                        values (:userId, :username, :passwordHash, :roles, :registeredAt)
                        on conflict (user_id) do nothing""")
                .param("userId", event.userId())
                .param("username", event.username())
                .param("passwordHash", event.passwordHash())
                .param("roles", roles)
                .param("registeredAt", Timestamp.from(event.registeredAt()))
                .update();
    }

    @EventHandler
    void on(UserCountryChanged event) {
        jdbc.sql("update user_account set country = ? where user_id = ?")
                .params(event.country(), event.userId())
                .update();
    }

    @EventHandler
    void on(UserPasswordChanged event) {
        jdbc.sql("update user_account set password_hash = ? where user_id = ?")
                .params(event.passwordHash(), event.userId())
                .update();
    }

    @EventHandler
    void on(UserRolesChanged event) {
        String[] roles = event.roles().stream().map(Enum::name).sorted().toArray(String[]::new);
        jdbc.sql("update user_account set roles = ? where user_id = ?")
                .params(roles, event.userId())
                .update();
    }

    @EventHandler
    void on(PlanChanged event) {
        jdbc.sql("update user_account set plan = ? where user_id = ?")
                .params(event.plan().name(), event.userId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate user_account").update();
    }
}
