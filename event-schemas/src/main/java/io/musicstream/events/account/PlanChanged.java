package io.musicstream.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The user is now on {@code plan}. A user with no such event is on {@link Plan#FREE}.
 *
 * @param source    {@value #ADMIN} (an admin's command) or {@value #BILLING} (the payment provider's callback)
 * @param changedBy the admin's user id, or the payment provider's event id
 * @param changedAt when the service recorded the change
 */
@Revision("1")
public record PlanChanged(String userId, Plan plan, String source, String changedBy, Instant changedAt)
        implements AccountEvent {

    public static final String ADMIN = "ADMIN";
    public static final String BILLING = "BILLING";
}
