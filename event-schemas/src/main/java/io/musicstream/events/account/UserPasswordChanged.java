package io.musicstream.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The user's password was replaced; only its hash is recorded. */
@Revision("1")
public record UserPasswordChanged(String userId, String passwordHash, Instant changedAt) implements AccountEvent {
}
