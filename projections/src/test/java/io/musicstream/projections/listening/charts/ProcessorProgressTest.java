package io.musicstream.projections.listening.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.serialization.EventJson;
import io.musicstream.projections.TestServers;
import io.musicstream.projections.processors.ProcessorTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How far the counts are complete, read from the processor's tokens and the event store. */
class ProcessorProgressTest {

    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

    private final DataSource db = TestServers.freshDatabase();
    private final JdbcTemplate jdbc = new JdbcTemplate(db);
    private final ChartsFixture.SettableClock clock = new ChartsFixture.SettableClock();
    private final ProcessorProgress progress = new ProcessorProgress(JdbcClient.create(jdbc),
            new ProcessorTokens(JdbcClient.create(jdbc), SERIALIZER), clock);

    @Test
    void nothingIsCompleteBeforeTheProcessorClaimedItsSegments() {
        clock.now = NOW;
        assertThat(progress.instant()).isEmpty();
    }

    @Test
    void theCountsAreCompleteUpToTheStorageTimeOfTheFirstEventTheSlowestSegmentHasNotPassed() {
        clock.now = NOW;
        long first = append(Instant.parse("2026-11-10T09:00:00Z"));
        append(Instant.parse("2026-11-10T10:00:00Z"));
        long third = append(Instant.parse("2026-11-10T11:00:00Z"));
        storeToken(0, first);
        storeToken(1, third);

        assertThat(progress.instant()).contains(Instant.parse("2026-11-10T10:00:00Z"));

        storeToken(0, third);
        assertThat(progress.instant()).as("at the head of the store").contains(NOW);
    }

    @Test
    void aSegmentThatHandledNothingHoldsTheCountsAtTheFirstEvent() {
        clock.now = NOW;
        long first = append(Instant.parse("2026-11-10T09:00:00Z"));
        storeToken(0, first);
        jdbc.update("insert into token_entry (processor_name, segment) values (?, 1)",
                io.musicstream.projections.listening.Listening.TOTALS_PROCESSING_GROUP);

        assertThat(progress.instant()).contains(Instant.parse("2026-11-10T09:00:00Z"));
    }

    @Test
    void eventsStoredAfterNowNeverMoveTheCountsPastNow() {
        clock.now = NOW;
        long first = append(Instant.parse("2026-11-10T09:00:00Z"));
        append(NOW.plusSeconds(3600));
        storeToken(0, first);

        assertThat(progress.instant()).isEqualTo(Optional.of(NOW));
    }

    private long append(Instant storedAt) {
        return jdbc.queryForObject("""
                        insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                        values (?, ?, ?, '1', 'x', ?, ?, 0, 'Play') returning global_index""", Long.class,
                UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), storedAt.toString(), "play:" + UUID.randomUUID());
    }

    private void storeToken(int segment, long index) {
        SerializedObject<byte[]> bytes = SERIALIZER.serialize(GapAwareTrackingToken.newInstance(index, Set.of()),
                byte[].class);
        jdbc.update("""
                        insert into token_entry (processor_name, segment, token, token_type) values (?, ?, ?, ?)
                        on conflict (processor_name, segment) do update set token = excluded.token,
                            token_type = excluded.token_type""",
                io.musicstream.projections.listening.Listening.TOTALS_PROCESSING_GROUP, segment, bytes.getData(), bytes.getType().getName());
    }
}
