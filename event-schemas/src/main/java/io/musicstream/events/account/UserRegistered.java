package io.musicstream.events.account;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserRegistered(
        String userId,
        String username,
        String passwordHash,
        Set<Role> roles,
        Instant registeredAt) implements AccountEvent {
}
