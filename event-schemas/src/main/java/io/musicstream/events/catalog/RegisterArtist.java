package io.musicstream.events.catalog;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterArtist(
        @TargetAggregateIdentifier String artistId,
        String name,
        Instant registeredAt) {
}
