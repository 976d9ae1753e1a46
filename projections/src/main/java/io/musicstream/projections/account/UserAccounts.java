package io.musicstream.projections.account;

import io.musicstream.events.account.Plan;
import io.musicstream.events.account.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the account read model. */
@Repository
public class UserAccounts {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccountView> byUsername(String username) {
        return jdbc.sql("select user_id, username, password_hash, roles, registered_at, country, plan from user_account where username = ?")
                .param(username)
                .query((rs, i) -> view(rs))
                .optional();
    }

    public Optional<UserAccountView> byId(String userId) {
        return jdbc.sql("select user_id, username, password_hash, roles, registered_at, country, plan from user_account where user_id = ?")
                .param(userId)
                .query((rs, i) -> view(rs))
                .optional();
    }

    /** Where the user listens from (ISO 3166-1 alpha-2), if they said. */
    public Optional<String> countryOf(String userId) {
        return jdbc.sql("select country from user_account where user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    /** The countries of those among {@code userIds} who said where they listen from, in one statement. */
    public Map<String, String> countriesOf(Collection<String> userIds) {
        Map<String, String> countries = new HashMap<>();
        jdbc.sql("select user_id, country from user_account where user_id = any(?) and country is not null")
                .param(userIds.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    countries.put(rs.getString(1), rs.getString(2));
                });
        return countries;
    }

    /** The plans of those among {@code userIds} that have an account, in one statement. */
    public Map<String, Plan> plansOf(Collection<String> userIds) {
        Map<String, Plan> plans = new HashMap<>();
        jdbc.sql("select user_id, plan from user_account where user_id = any(?)")
                .param(userIds.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    plans.put(rs.getString(1), Plan.valueOf(rs.getString(2)));
                });
        return plans;
    }

    private static UserAccountView view(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = Arrays.stream((String[]) array.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new UserAccountView(rs.getString("user_id"), rs.getString("username"), rs.getString("password_hash"),
                roles, rs.getTimestamp("registered_at").toInstant(), rs.getString("country"),
                Plan.valueOf(rs.getString("plan")));
    }
}
