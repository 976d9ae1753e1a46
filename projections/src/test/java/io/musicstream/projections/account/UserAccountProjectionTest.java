package io.musicstream.projections.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.account.Plan;
import io.musicstream.events.account.PlanChanged;
import io.musicstream.events.account.Role;
import io.musicstream.events.account.UserCountryChanged;
import io.musicstream.events.account.UserPasswordChanged;
import io.musicstream.events.account.UserRegistered;
import io.musicstream.events.account.UserRolesChanged;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.TestServers;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The accounts read model: accounts by username and id, as login, {@code /me} and admins read them. */
class UserAccountProjectionTest {

    private static final Instant REGISTERED = Instant.parse("2026-02-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-02T08:00:00Z");

    private JdbcClient jdbc;
    private ProjectionDriver projection;
    private UserAccounts accounts;

    @BeforeEach
    void freshReadModel() {
        DataSource db = TestServers.freshDatabase();
        jdbc = JdbcClient.create(db);
        projection = ProjectionDriver.inTransactions(new UserAccountProjection(jdbc),
                new DataSourceTransactionManager(db));
        accounts = new UserAccounts(jdbc);
    }

    private static UserRegistered registered(String userId, String username, Role... roles) {
        return new UserRegistered(userId, username, "{bcrypt}hash-of-" + username, Set.of(roles), REGISTERED);
    }

    @Test
    void aRegisteredUserIsFoundByUsernameAndByIdWithRolesAndNoCountry() {
        projection.deliver(registered("u1", "ana", Role.LISTENER, Role.PREMIUM));

        UserAccountView view = accounts.byUsername("ana").orElseThrow();
        assertThat(view).isEqualTo(new UserAccountView("u1", "ana", "{bcrypt}hash-of-ana",
                Set.of(Role.LISTENER, Role.PREMIUM), REGISTERED, null));
        assertThat(accounts.byId("u1")).contains(view);
        assertThat(accounts.byUsername("nobody")).isEmpty();
        assertThat(accounts.byId("u2")).isEmpty();
    }

    @Test
    void countryPasswordAndRolesFollowTheirEvents() {
        projection.deliver(registered("u1", "ana", Role.LISTENER));

        projection.deliver(new UserCountryChanged("u1", "SE", LATER),
                new UserPasswordChanged("u1", "{bcrypt}new-hash", LATER),
                new UserRolesChanged("u1", Set.of(Role.LISTENER, Role.ADMIN), "admin", LATER));

        UserAccountView view = accounts.byId("u1").orElseThrow();
        assertThat(view.country()).isEqualTo("SE");
        assertThat(view.passwordHash()).isEqualTo("{bcrypt}new-hash");
        assertThat(view.roles()).containsExactlyInAnyOrder(Role.LISTENER, Role.ADMIN);
        assertThat(jdbc.sql("select roles from user_account where user_id = 'u1'").query((rs, i) ->
                (String[]) rs.getArray(1).getArray()).single()).containsExactly("ADMIN", "LISTENER");
    }

    @Test
    void aRedeliveredRegistrationChangesNothing() {
        projection.deliver(registered("u1", "ana", Role.LISTENER));
        projection.deliver(new UserCountryChanged("u1", "NO", LATER));

        projection.deliver(registered("u1", "ana", Role.LISTENER));

        assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isEqualTo(1);
        assertThat(accounts.byId("u1").orElseThrow().country()).isEqualTo("NO");
    }

    @Test
    void aSecondAccountWithATakenUsernameIsRefusedByTheTable() {
        projection.deliver(registered("u1", "ana", Role.LISTENER));

        assertThatThrownBy(() -> projection.deliver(registered("u2", "ana", Role.LISTENER)))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(accounts.byUsername("ana").orElseThrow().userId()).isEqualTo("u1");
        assertThat(accounts.byId("u2")).isEmpty();
    }

    @Test
    void aResetEmptiesTheReadModelForAReplay() {
        projection.deliver(registered("u1", "ana", Role.LISTENER));

        projection.reset();

        assertThat(accounts.byId("u1")).isEmpty();
    }

    @Test
    void aUserIsFreeUntilAPlanChangeAndFollowsEachOne() {
        projection.deliver(registered("u1", "ana", Role.LISTENER));
        assertThat(accounts.byId("u1").orElseThrow().plan()).isEqualTo(Plan.FREE);

        projection.deliver(new PlanChanged("u1", Plan.PREMIUM, PlanChanged.BILLING, "evt-1", LATER));
        assertThat(accounts.byId("u1").orElseThrow().plan()).isEqualTo(Plan.PREMIUM);
        assertThat(accounts.byUsername("ana").orElseThrow().plan()).isEqualTo(Plan.PREMIUM);

        projection.deliver(new PlanChanged("u1", Plan.FREE, PlanChanged.ADMIN, "admin", LATER));
        assertThat(accounts.byId("u1").orElseThrow().plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void aRedeliveredPlanChangeAndAReplayGiveTheSamePlan() {
        PlanChanged premium = new PlanChanged("u1", Plan.PREMIUM, PlanChanged.ADMIN, "admin", LATER);
        projection.deliver(registered("u1", "ana", Role.LISTENER), premium);
        projection.deliver(premium);
        assertThat(accounts.byId("u1").orElseThrow().plan()).isEqualTo(Plan.PREMIUM);

        projection.reset();
        projection.deliver(registered("u1", "ana", Role.LISTENER), premium);

        assertThat(accounts.byId("u1").orElseThrow().plan()).isEqualTo(Plan.PREMIUM);
    }
}
