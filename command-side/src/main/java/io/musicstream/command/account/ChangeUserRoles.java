package io.musicstream.command.account;

import io.musicstream.events.account.Role;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the full set of roles a user carries (at least one); sent by an admin. */
public record ChangeUserRoles(@TargetAggregateIdentifier String userId, Set<Role> roles, String changedBy,
                              Instant requestedAt) {
}
