package io.musicstream.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.ids.LibraryIds;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.infra.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The read that fills the processors' shared cache ends after a slice; a processor's own read does not. */
class BoundedTailReadTest extends IntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    EventSchema schema;

    @Test
    void aTailingReadStopsAfterItsSliceAndAPrivateReadGoesOn() {
        BoundedTailJdbcEventStorageEngine engine = new BoundedTailJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .dataType(byte[].class), 3);
        String userId = "bounded-tail-" + UUID.randomUUID();
        TrackingToken before = engine.createHeadToken();
        List<GenericDomainEventMessage<ItemSavedToLibrary>> events = IntStream.range(0, 5)
                .mapToObj(i -> new GenericDomainEventMessage<>("Library", LibraryIds.of(userId), i,
                        new ItemSavedToLibrary(userId, LibraryItemType.TRACK, "track-" + i, Instant.now(), null)))
                .toList();
        transactionManager.executeInTransaction(() -> engine.appendEvents(events));

        List<Object> tailing = engine.readEvents(before, true).map(e -> (Object) e.getPayload()).toList();
        List<Object> own = engine.readEvents(before, false).map(e -> (Object) e.getPayload())
                .filter(p -> p instanceof ItemSavedToLibrary saved && saved.userId().equals(userId)).toList();

        assertThat(tailing).hasSize(3);
        assertThat(own).extracting(p -> ((ItemSavedToLibrary) p).itemId())
                .containsExactly("track-0", "track-1", "track-2", "track-3", "track-4");
    }
}
