package io.musicstream.infra.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.playback.PlayOutcome;
import io.musicstream.command.playback.PlayRecorder;
import io.musicstream.command.playback.RecordPlay;
import io.musicstream.command.playback.StreamCounting;
import io.musicstream.infra.kafka.PoisonRecordException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * How the consumer treats a poll's batch: stored in one call, what can never be stored dead-lettered, a server
 * away thrown for the batch to be retried, and a batch failing for its data stored one record at a time.
 */
class PlayEventsConsumerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final PlayRecorder recorder = mock(PlayRecorder.class);
    private final DeadLetterPublishingRecoverer deadLetters = mock(DeadLetterPublishingRecoverer.class);
    private final PlayEventsConsumer consumer = new PlayEventsConsumer(recorder, deadLetters,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>("play-events", 0, offset, "k", value);
    }

    private static String play(String playId) {
        return "{\"playId\":\"" + playId + "\",\"userId\":\"u-1\",\"trackId\":\"t-1\","
                + "\"startedAt\":\"2026-12-07T09:59:00Z\",\"msPlayed\":1000}";
    }

    private static PlayOutcome recorded(RecordPlay report) {
        return new PlayOutcome.Duplicate(report, new StreamCounting.Decision(false, 1));
    }

    @Test
    void aBatchIsStoredInOneCallAndItsRefusedPlaysGoToTheDeadLetterTopic() {
        when(recorder.record(anyList())).thenAnswer(call -> {
            List<RecordPlay> reports = call.getArgument(0);
            return List.of(recorded(reports.get(0)),
                    new PlayOutcome.Refused(reports.get(1), new UnknownItemException("track t-1 does not exist")));
        });
        ConsumerRecord<String, String> refused = record(2, play("p-2"));
        consumer.onPlayEvents(List.of(record(1, play("p-1")), refused));
        verify(recorder, times(1)).record(anyList());
        verify(deadLetters).accept(eq(refused), any(UnknownItemException.class));
        verify(deadLetters, times(1)).accept(any(), any());
    }

    @Test
    void malformedOrIncompleteRecordsAreDeadLetteredAndTheOthersStored() {
        when(recorder.record(anyList())).thenAnswer(call -> List.of(recorded(((List<RecordPlay>) call.getArgument(0)).get(0))));
        ConsumerRecord<String, String> malformed = record(1, "{nope");
        ConsumerRecord<String, String> empty = record(2, null);
        ConsumerRecord<String, String> incomplete = record(3, "{\"playId\":\"p-1\"}");
        consumer.onPlayEvents(List.of(malformed, empty, incomplete, record(4, play("p-4"))));
        verify(deadLetters).accept(eq(malformed), argThat(e -> e instanceof PoisonRecordException
                && e.getMessage().startsWith("malformed JSON")));
        verify(deadLetters).accept(eq(empty), any(PoisonRecordException.class));
        verify(deadLetters).accept(eq(incomplete), argThat(e -> e.getMessage().equals("msPlayed: is required")));
        verify(recorder).record(argThat(reports -> reports.size() == 1 && reports.get(0).playId().equals("p-4")));
    }

    @Test
    void aServerAwayFailsTheBatchToBeTriedAgainAndDeadLettersNothing() {
        when(recorder.record(anyList())).thenThrow(new DataAccessResourceFailureException("down"));
        assertThatThrownBy(() -> consumer.onPlayEvents(List.of(record(1, play("p-1")))))
                .isInstanceOf(DataAccessResourceFailureException.class);
        verify(deadLetters, never()).accept(any(), any());
    }

    @Test
    void aBatchRefusedForItsDataIsStoredOneByOneAndOnlyTheRefusedRecordIsDeadLettered() {
        DataIntegrityViolationException refusal = new DataIntegrityViolationException("refused",
                new SQLException("invalid byte sequence", "22021"));
        when(recorder.record(anyList())).thenAnswer(call -> {
            List<RecordPlay> reports = call.getArgument(0);
            if (reports.size() > 1 || reports.get(0).playId().equals("p-bad")) {
                throw refusal;
            }
            return List.of(recorded(reports.get(0)));
        });
        ConsumerRecord<String, String> bad = record(2, play("p-bad"));
        consumer.onPlayEvents(List.of(record(1, play("p-1")), bad, record(3, play("p-3"))));
        verify(deadLetters).accept(eq(bad), argThat(e -> e instanceof PoisonRecordException
                && e.getMessage().contains("SQLState 22021")));
        verify(deadLetters, times(1)).accept(any(), any());
        verify(recorder, times(4)).record(anyList());
    }

    @Test
    void aRecordFailingAloneForAnUnknownReasonIsTriedThreeTimesThenDeadLettered() {
        when(recorder.record(anyList())).thenThrow(new IllegalStateException("bug"));
        ConsumerRecord<String, String> only = record(1, play("p-1"));
        consumer.onPlayEvents(List.of(only));
        verify(recorder, times(1 + PlayEventsConsumer.UNKNOWN_FAILURE_ATTEMPTS)).record(anyList());
        verify(deadLetters).accept(eq(only), any(IllegalStateException.class));
    }

    @Test
    void theEndReasonContextAndOfflineFlagReachTheReport() {
        when(recorder.record(anyList())).thenAnswer(call -> List.of(recorded(((List<RecordPlay>) call.getArgument(0)).get(0))));
        consumer.onPlayEvents(List.of(record(1, "{\"playId\":\"p-1\",\"userId\":\"u-1\",\"trackId\":\"t-1\","
                + "\"startedAt\":\"2026-12-07T09:59:00Z\",\"msPlayed\":1000,\"endReason\":\"SKIPPED\","
                + "\"context\":{\"type\":\"ALBUM\",\"id\":\"r-1\"},\"offline\":true}")));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<RecordPlay>> sent = ArgumentCaptor.forClass(List.class);
        verify(recorder).record(sent.capture());
        assertThat(sent.getValue()).containsExactly(new RecordPlay("p-1", "u-1", "t-1",
                Instant.parse("2026-12-07T09:59:00Z"), 1000, null, null, "SKIPPED", "ALBUM", "r-1", true, NOW));
    }
}
