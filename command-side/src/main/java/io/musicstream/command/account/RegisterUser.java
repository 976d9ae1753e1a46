package io.musicstream.command.account;

import io.musicstream.events.account.Role;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a user account. The password arrives already hashed; the aggregate never sees plain text.
 *
 * @param country where the user listens from (ISO 3166-1 alpha-2), or {@code null} when not given
 */
public record RegisterUser(
        @TargetAggregateIdentifier String userId,
        String username,
        String passwordHash,
        Set<Role> roles,
        String country,
        Instant registeredAt) {
}
