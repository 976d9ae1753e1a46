package io.musicstream.command.account;

import io.musicstream.events.account.Plan;
import io.musicstream.events.account.Role;
import java.util.Set;

/**
 * What {@link ChangePlan} left: the plan and roles now, and whether the roles changed (then the user's sessions
 * are to end, as for any role change). {@code repeated}: a payment provider's event already handled.
 */
public record PlanChangeResult(Plan plan, Set<Role> roles, boolean rolesChanged, boolean repeated) {
}
