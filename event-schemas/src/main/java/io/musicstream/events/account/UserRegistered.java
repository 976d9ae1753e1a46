package io.musicstream.events.account;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A user account was created, with its password hash (never the password). A country given at registration
 * follows as its own {@link UserCountryChanged}.
 */
@Revision("1")
public record UserRegistered(
        String userId,
        String username,
        String passwordHash,
        Set<Role> roles,
        Instant registeredAt) implements AccountEvent {
}
