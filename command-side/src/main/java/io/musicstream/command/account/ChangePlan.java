package io.musicstream.command.account;

import io.musicstream.events.account.Plan;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts a user on {@code plan}; the PREMIUM role follows it.
 *
 * @param source    {@code ADMIN} or {@code BILLING} (see {@link io.musicstream.events.account.PlanChanged})
 * @param changedBy the admin's user id, or the payment provider's event id (a repeated one changes nothing)
 */
public record ChangePlan(@TargetAggregateIdentifier String userId, Plan plan, String source, String changedBy,
                         Instant requestedAt) {
}
