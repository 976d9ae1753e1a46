package io.musicstream.projections.account;

import io.musicstream.events.account.Role;
import java.time.Instant;
import java.util.Set;

/** An account as login and {@code /me} need it; {@code country} is {@code null} until the user names one. */
public record UserAccountView(String userId, String username, String passwordHash, Set<Role> roles,
                              Instant registeredAt, String country) {
}
