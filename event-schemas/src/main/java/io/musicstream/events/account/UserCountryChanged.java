package io.musicstream.events.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The country a user listens from (ISO 3166-1 alpha-2): what the catalog must be licensed in for them.
 */
@Revision("1")
public record UserCountryChanged(String userId, String country, Instant changedAt) implements AccountEvent {
}
