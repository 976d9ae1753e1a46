package io.musicstream.infra.axon;

import io.musicstream.command.library.Library;
import io.musicstream.command.playlist.Playlist;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.events.serialization.TrackPlayedUpcaster1To2;
import io.musicstream.events.serialization.TrackPlayedUpcaster2To3;
import io.musicstream.infra.playback.StreamRulesCache;
import io.musicstream.projections.account.UserAccountProjection;
import io.musicstream.projections.catalog.artists.ArtistDirectoryProjection;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on PostgreSQL with the JDBC storage engine. The schema (snake_case, bytea, one-by-one global index)
 * is owned by Flyway; everything Axon serializes goes through Jackson with one shared configuration.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /**
     * The service's clock: UTC, shifted by {@code music.clock.offset} (an ISO-8601 duration, default none) only
     * where a test or a demo runs the service in another month, since the play window and period closes follow it.
     */
    @Bean
    Clock clock(@Value("${music.clock.offset:PT0S}") Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    /** Every aggregate's command target resolver: Axon takes a {@code CommandTargetResolver} bean by its type. */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new MemoizedCommandTargetResolver();
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    }

    /**
     * A library is snapshotted once the events since its last snapshot outnumber the items in it (at least 250,
     * at most 10,000), so a large library loads from its snapshot plus a tail without being rewritten whole
     * every few hundred writes.
     */
    @Bean
    SnapshotTriggerDefinition librarySnapshotTrigger(Snapshotter snapshotter) {
        return new StateSizedSnapshotTriggerDefinition(snapshotter, 250, 10_000,
                payload -> payload instanceof Library library ? library.rememberedItems() : -1);
    }

    /**
     * Libraries stay in memory between commands, least recently used out first once they hold
     * {@code music.library.cache-items} items in all, so a write to a large library does not read its snapshot
     * first. A write that lost a race with another node fails on the aggregate's sequence, drops the cached copy
     * and is retried on fresh state.
     */
    @Bean
    Cache libraryCache(@Value("${music.library.cache-items:1000000}") long cacheItems) {
        return new WeighedAggregateCache(cacheItems, root -> root instanceof Library library
                ? 1 + library.rememberedItems() : 1);
    }

    /** A playlist is snapshotted like a library: once the events since its last snapshot outnumber its items. */
    @Bean
    SnapshotTriggerDefinition playlistSnapshotTrigger(Snapshotter snapshotter) {
        return new StateSizedSnapshotTriggerDefinition(snapshotter, 250, 10_000,
                payload -> payload instanceof Playlist playlist ? playlist.stateSize() : -1);
    }

    /** Playlists stay in memory between edits, weighed by their items ({@code music.playlist.cache-items}). */
    @Bean
    Cache playlistCache(@Value("${music.playlist.cache-items:1000000}") long cacheItems) {
        return new WeighedAggregateCache(cacheItems, root -> root instanceof Playlist playlist
                ? 1 + playlist.stateSize() : 1);
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .metaDataColumn("meta_data")
                .payloadColumn("payload")
                .payloadRevisionColumn("payload_revision")
                .payloadTypeColumn("payload_type")
                .timestampColumn("time_stamp")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * Handler failures are retried, never skipped: a projection that silently drops an event is wrong
     * forever. The subscribing read models that guard uniqueness run inside the command's transaction,
     * so their failure (a duplicate username) rolls the command back.
     */
    @Bean
    ConfigurerModule eventProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerSubscribingEventProcessor(UserAccountProjection.PROCESSING_GROUP)
                .registerSubscribingEventProcessor(ArtistDirectoryProjection.PROCESSING_GROUP)
                .registerSubscribingEventProcessor(StreamRulesCache.PROCESSING_GROUP));
    }

    /** One upcaster per revision step of an event, oldest first. */
    @Bean
    ConfigurerModule upcasters() {
        return configurer -> configurer.registerEventUpcaster(c -> new TrackPlayedUpcaster1To2())
                .registerEventUpcaster(c -> new TrackPlayedUpcaster2To3());
    }
}
