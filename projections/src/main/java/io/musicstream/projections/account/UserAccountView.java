package io.musicstream.projections.account;

import io.musicstream.events.account.Role;
import java.time.Instant;
import java.util.Set;

public record UserAccountView(String userId, String username, String passwordHash, Set<Role> roles,
                              Instant registeredAt) {
}
