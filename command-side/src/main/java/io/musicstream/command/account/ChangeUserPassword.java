package io.musicstream.command.account;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a user's password. Like registration, it carries only the new hash, never plain text. */
public record ChangeUserPassword(@TargetAggregateIdentifier String userId, String passwordHash,
                                 Instant requestedAt) {
}
