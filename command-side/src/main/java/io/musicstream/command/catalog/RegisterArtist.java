package io.musicstream.command.catalog;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers an artist under {@code artistId}; its aggregate lives in the {@code artist:} namespace. */
public record RegisterArtist(
        String artistId,
        String name,
        Instant registeredAt) {

    public static final String AGGREGATE_PREFIX = "artist:";

    /** Artist ids come from imports too, so the aggregate's own id is namespaced and can claim no other. */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AGGREGATE_PREFIX + artistId;
    }
}
