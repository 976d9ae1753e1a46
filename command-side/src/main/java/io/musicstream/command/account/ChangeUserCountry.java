package io.musicstream.command.account;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the country a user listens from (ISO 3166-1 alpha-2). */
public record ChangeUserCountry(@TargetAggregateIdentifier String userId, String country, Instant requestedAt) {
}
