package io.musicstream.projections.account;

import io.musicstream.events.account.Plan;
import io.musicstream.events.account.Role;
import java.time.Instant;
import java.util.Set;

/**
 * An account as login and {@code /me} need it; {@code country} is {@code null} until the user names one,
 * {@code plan} is {@link Plan#FREE} until a {@code PlanChanged} says otherwise.
 */
public record UserAccountView(String userId, String username, String passwordHash, Set<Role> roles,
                              Instant registeredAt, String country, Plan plan) {

    /** An account on the free plan. */
    public UserAccountView(String userId, String username, String passwordHash, Set<Role> roles,
                           Instant registeredAt, String country) {
        this(userId, username, passwordHash, roles, registeredAt, country, Plan.FREE);
    }
}
