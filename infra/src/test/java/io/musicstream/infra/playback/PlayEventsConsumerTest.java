package io.musicstream.infra.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.musicstream.infra.kafka.PoisonRecordException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** How the consumer sorts database failures: duplicates acknowledged, data errors poison, the rest retried. */
class PlayEventsConsumerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final CommandGateway commands = mock(CommandGateway.class);
    private final PlayEventsConsumer consumer = new PlayEventsConsumer(commands, Clock.fixed(NOW, ZoneOffset.UTC));

    private static ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>("play-events", 0, 7, "k", value);
    }

    private static final String PLAY = "{\"playId\":\"p-1\",\"userId\":\"u-1\",\"trackId\":\"t-1\","
            + "\"startedAt\":\"2026-12-07T09:59:00Z\",\"msPlayed\":1000}";

    private void databaseFails(String sqlState) {
        doThrow(new DataIntegrityViolationException("refused", new SQLException("refused", sqlState)))
                .when(commands).sendAndWait(any());
    }

    @Test
    void aDuplicateKeyMeansTheDuplicateIsAlreadyStored() {
        databaseFails("23505");
        assertThatCode(() -> consumer.onPlayEvent(record(PLAY))).doesNotThrowAnyException();
    }

    @Test
    void dataExceptionsAndOtherIntegrityViolationsArePoison() {
        databaseFails("22021");
        assertThatThrownBy(() -> consumer.onPlayEvent(record(PLAY))).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("SQLState 22021");
        databaseFails("23502");
        assertThatThrownBy(() -> consumer.onPlayEvent(record(PLAY))).isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void otherDatabaseFailuresAreThrownAsTheyAreToBeRetried() {
        databaseFails("08006");
        assertThatThrownBy(() -> consumer.onPlayEvent(record(PLAY)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theEndReasonContextAndOfflineFlagReachTheCommand() {
        consumer.onPlayEvent(record("{\"playId\":\"p-1\",\"userId\":\"u-1\",\"trackId\":\"t-1\","
                + "\"startedAt\":\"2026-12-07T09:59:00Z\",\"msPlayed\":1000,\"endReason\":\"SKIPPED\","
                + "\"context\":{\"type\":\"ALBUM\",\"id\":\"r-1\"},\"offline\":true}"));
        org.mockito.ArgumentCaptor<Object> sent = org.mockito.ArgumentCaptor.forClass(Object.class);
        org.mockito.Mockito.verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new io.musicstream.command.playback.RecordPlay("p-1", "u-1", "t-1",
                Instant.parse("2026-12-07T09:59:00Z"), 1000, null, null, "SKIPPED", "ALBUM", "r-1", true, NOW));
    }

    @Test
    void malformedOrIncompleteRecordsArePoison() {
        assertThatThrownBy(() -> consumer.onPlayEvent(record("{nope"))).isInstanceOf(PoisonRecordException.class)
                .hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> consumer.onPlayEvent(record(null))).isInstanceOf(PoisonRecordException.class);
        assertThatThrownBy(() -> consumer.onPlayEvent(record("{\"playId\":\"p-1\"}")))
                .isInstanceOf(PoisonRecordException.class).hasMessage("msPlayed: is required");
        assertThat(org.mockito.Mockito.mockingDetails(commands).getInvocations()).isEmpty();
    }
}
