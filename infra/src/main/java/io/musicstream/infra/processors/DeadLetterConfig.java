package io.musicstream.infra.processors;

import io.musicstream.command.royalty.StatementIssuer;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.events.playlist.PlaylistEvent;
import io.musicstream.projections.catalog.search.CatalogSearchProjection;
import io.musicstream.projections.catalog.browse.CatalogBrowseProjection;
import io.musicstream.projections.library.LibrarySyncProjection;
import io.musicstream.projections.listening.Listening;
import io.musicstream.projections.playlist.PlaylistProjection;
import io.musicstream.projections.royalty.RoyaltyUsageProjection;
import io.musicstream.projections.royalty.statements.RoyaltyStatementProjection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Every streaming processor keeps a sequenced dead-letter queue in PostgreSQL ({@code dead_letter_entry}, one
 * table keyed by processing group): an event whose handling fails for good is parked there with the rest of
 * its sequence, and the processor goes on with the other sequences.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfig {

    /** The processors that dead-letter; the subscribing ones fail their command instead. */
    public static final List<String> PROCESSORS = List.of(CatalogBrowseProjection.PROCESSING_GROUP,
            CatalogSearchProjection.PROCESSING_GROUP, LibrarySyncProjection.PROCESSING_GROUP,
            Listening.PROCESSING_GROUP, Listening.TOTALS_PROCESSING_GROUP, RoyaltyUsageProjection.PROCESSING_GROUP,
            RoyaltyStatementProjection.PROCESSING_GROUP, StatementIssuer.PROCESSING_GROUP,
            PlaylistProjection.PROCESSING_GROUP);

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    ConfigurerModule deadLetterQueues(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      DeadLetterSchema schema, Serializer serializer,
                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                      @Value("${music.processors.retries:3}") int retries,
                                      @Value("${music.processors.max-dead-sequences:10000}") int maxSequences,
                                      @Value("${music.processors.max-dead-sequence-size:100000}") int maxSequenceSize,
                                      PlatformTransactionManager platformTransactionManager) {
        // a letter retried from the queue runs under a savepoint: when it fails again, its writes are undone
        // and the queue's note of the attempt still commits (joining the outer transaction would doom both)
        TransactionManager nested = new SpringTransactionManager(platformTransactionManager,
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : PROCESSORS) {
                processing.registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(group)
                                .connectionProvider(connectionProvider)
                                .transactionManager(transactionManager)
                                .schema(schema)
                                .genericSerializer(serializer)
                                .eventSerializer(eventSerializer)
                                .maxSequences(maxSequences)
                                .maxSequenceSize(maxSequenceSize)
                                .build())
                        .registerDeadLetterPolicy(group, c -> new DeadLetterPolicy(group, retries))
                        // skips the queue lookup for sequences this node has not seen dead-lettered
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                                (c, invoker) -> invoker.transactionManager(nested).enableSequenceIdentifierCache());
            }
            processing.registerSequencingPolicy(LibrarySyncProjection.PROCESSING_GROUP, c -> new PerUserLibrary());
            processing.registerSequencingPolicy(Listening.PROCESSING_GROUP, c -> new PerUserPlays());
            processing.registerSequencingPolicy(RoyaltyUsageProjection.PROCESSING_GROUP, c -> new PerRelease());
            processing.registerSequencingPolicy(PlaylistProjection.PROCESSING_GROUP, c -> new PerPlaylist());
        });
    }

    /** A dead-letter sequence's name: the prefix and the id, or the id's SHA-256 when the queue cannot store it. */
    static String sequenceName(String prefix, String id) {
        return prefix + (PerUserLibrary.storableId(id) ? id : "unstorable-" + PerUserLibrary.sha256(id));
    }

    /**
     * A user's library changes form one sequence whatever aggregate wrote them, so one dead letter holds back
     * all of that user's later changes (the sync feed serves them in token order) and no other user's.
     */
    static final class PerUserLibrary implements SequencingPolicy<EventMessage<?>> {
        private static final SequentialPerAggregatePolicy PER_AGGREGATE = SequentialPerAggregatePolicy.instance();

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            Object payload = event.getPayload();
            String userId = payload instanceof ItemSavedToLibrary saved ? saved.userId()
                    : payload instanceof ItemRemovedFromLibrary removed ? removed.userId() : null;
            if (userId == null) {
                return PER_AGGREGATE.getSequenceIdentifierFor(event);
            }
            return sequenceName(LibrarySyncProjection.SEQUENCE_PREFIX, userId);
        }

        /** A user id the queue's sequence column can hold; user ids are server-made, so others are poison. */
        static boolean storableId(String id) {
            return id.length() <= 200 && id.chars().noneMatch(Character::isISOControl);
        }

        static String sha256(String value) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A user's plays form one sequence, so one segment writes all of that user's rows (recently played is
     * trimmed per user) and one dead letter holds back only that user's plays. Rows many users add to (a
     * track's chart and popularity counts) are written in key order, so the segments wait for each other there
     * but never deadlock.
     */
    static final class PerUserPlays implements SequencingPolicy<EventMessage<?>> {
        /** Dead-letter sequences of plays are named this prefix and the user id. */
        static final String PLAYS_SEQUENCE_PREFIX = "plays:";
        private static final SequentialPerAggregatePolicy PER_AGGREGATE = SequentialPerAggregatePolicy.instance();

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            if (!(event.getPayload() instanceof TrackPlayed play) || play.userId() == null) {
                return PER_AGGREGATE.getSequenceIdentifierFor(event);
            }
            return sequenceName(PLAYS_SEQUENCE_PREFIX, play.userId());
        }
    }

    /**
     * A release's catalog events and the plays of its tracks form one dead-letter sequence: the processor runs one
     * segment (settlement needs global order), so this no longer orders segments, but a share change that cannot be
     * stored still holds back its release's later plays, which would otherwise count under older shares (royalty
     * usage is counted under the share version in force when the play started). Old plays that name no release are
     * sequenced by track.
     */
    static final class PerRelease implements SequencingPolicy<EventMessage<?>> {
        /** Dead-letter sequences of a release are named this prefix and the release id. */
        static final String RELEASE_SEQUENCE_PREFIX = "release:";
        static final String TRACK_SEQUENCE_PREFIX = "track:";
        private static final SequentialPerAggregatePolicy PER_AGGREGATE = SequentialPerAggregatePolicy.instance();

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            Object payload = event.getPayload();
            String releaseId = payload instanceof TrackPlayed play ? play.releaseId()
                    : payload instanceof ReleaseIngested ingested ? ingested.releaseId()
                    : payload instanceof TrackAddedToRelease added ? added.releaseId()
                    : payload instanceof TrackMetadataUpdated updated ? updated.releaseId() : null;
            if (releaseId != null) {
                return sequenceName(RELEASE_SEQUENCE_PREFIX, releaseId);
            }
            if (payload instanceof TrackPlayed play && play.trackId() != null) {
                return sequenceName(TRACK_SEQUENCE_PREFIX, play.trackId());
            }
            return PER_AGGREGATE.getSequenceIdentifierFor(event);
        }
    }

    /**
     * A playlist's events form one sequence: one segment applies them in order (positions depend on every edit
     * before), and one dead letter holds back only that playlist's later edits.
     */
    static final class PerPlaylist implements SequencingPolicy<EventMessage<?>> {
        private static final SequentialPerAggregatePolicy PER_AGGREGATE = SequentialPerAggregatePolicy.instance();

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            if (!(event.getPayload() instanceof PlaylistEvent playlist) || playlist.playlistId() == null) {
                return PER_AGGREGATE.getSequenceIdentifierFor(event);
            }
            return sequenceName(PlaylistProjection.SEQUENCE_PREFIX, playlist.playlistId());
        }
    }
}
