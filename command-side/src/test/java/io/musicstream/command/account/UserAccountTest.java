package io.musicstream.command.account;

import io.musicstream.events.account.RegisterUser;
import io.musicstream.events.account.Role;
import io.musicstream.events.account.UserRegistered;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private final AggregateTestFixture<UserAccount> fixture = new AggregateTestFixture<>(UserAccount.class);

    @Test
    void registeringRecordsTheAccountWithItsHashAndRoles() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("u-1", "ada", "hash", Set.of(Role.LISTENER), T0))
                .expectEvents(new UserRegistered("u-1", "ada", "hash", Set.of(Role.LISTENER), T0));
    }

    @Test
    void anAccountNeedsARole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("u-1", "ada", "hash", Set.of(), T0))
                .expectException(IllegalArgumentException.class).expectNoEvents();
    }
}
