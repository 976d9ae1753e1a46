package io.musicstream.events.account;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * The user now carries exactly {@code roles}, as set by the admin {@code changedBy} (a user id), or by a plan
 * change from the payment provider ({@code changedBy} is then {@code BILLING}).
 */
@Revision("1")
public record UserRolesChanged(String userId, Set<Role> roles, String changedBy, Instant changedAt)
        implements AccountEvent {
}
