package io.musicstream.infra.playback;

import io.musicstream.command.playback.PlayOutcome;
import io.musicstream.command.playback.PlayRecorder;
import io.musicstream.command.playback.RecordPlay;
import io.musicstream.infra.common.Json;
import io.musicstream.infra.kafka.KafkaConfig;
import io.musicstream.infra.kafka.PoisonRecordException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the plays published as JSON on the {@code play-events} topic, a poll's batch per transaction, under the
 * same checks as plays over HTTP ({@link PlayRecorder}). A play stored before (same user and playId) is stored
 * once. A record that can never be stored goes to {@code play-events.dlt} with the reason; only a server that
 * is away makes the batch fail, to be tried again ({@link KafkaConfig#playEventBatches}).
 */
@Component
class PlayEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(PlayEventsConsumer.class);
    /** Tries of a record that fails alone for a reason that is neither its data nor a server away. */
    static final int UNKNOWN_FAILURE_ATTEMPTS = 3;

    /** The JSON a client or edge gateway publishes for one play; the HTTP play report's shape plus userId. */
    record PlayEventMessage(String playId, String userId, String trackId, Instant startedAt, Long msPlayed,
                            String deviceId, String territory, String endReason, Context context, Boolean offline) {
    }

    record Context(String type, String id) {
    }

    private final PlayRecorder recorder;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final Clock clock;
    private final JsonMapper json = Json.MAPPER;

    PlayEventsConsumer(PlayRecorder recorder, DeadLetterPublishingRecoverer deadLetters, Clock clock) {
        this.recorder = recorder;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @KafkaListener(topics = KafkaConfig.PLAY_EVENTS, groupId = "play-ingest", containerFactory = "playEventBatches",
            properties = "max.poll.records=${music.plays.ingest.max-poll-records:1000}")
    void onPlayEvents(List<ConsumerRecord<String, String>> records) {
        Instant receivedAt = clock.instant();
        List<ConsumerRecord<String, String>> parsed = new ArrayList<>(records.size());
        List<RecordPlay> reports = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                reports.add(report(record, receivedAt));
                parsed.add(record);
            } catch (PoisonRecordException e) {
                deadLetters.accept(record, e);
            }
        }
        if (reports.isEmpty()) {
            return;
        }
        List<PlayOutcome> outcomes;
        try {
            outcomes = recorder.record(reports);
        } catch (RuntimeException e) {
            if (KafkaConfig.transientFailure(e)) {
                throw e;
            }
            log.warn("a batch of {} plays failed ({}); storing them one by one", reports.size(), e.toString());
            outcomes = oneByOne(parsed, reports);
        }
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof PlayOutcome.Refused refused) {
                deadLetters.accept(parsed.get(i), refused.reason());
            }
        }
    }

    /** Finds the records that fail alone; each is stored or dead-lettered, so the partition moves on. */
    private List<PlayOutcome> oneByOne(List<ConsumerRecord<String, String>> records, List<RecordPlay> reports) {
        List<PlayOutcome> outcomes = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            outcomes.add(alone(records.get(i), reports.get(i)));
        }
        return outcomes;
    }

    private PlayOutcome alone(ConsumerRecord<String, String> record, RecordPlay report) {
        for (int attempt = 1; ; attempt++) {
            try {
                return recorder.record(List.of(report)).get(0);
            } catch (RuntimeException e) {
                if (KafkaConfig.transientFailure(e)) {
                    throw e;
                }
                SQLException sql = sqlCause(e);
                String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("22") || state.startsWith("23")) {
                    // data exceptions and integrity violations fail the same way on every retry
                    return new PlayOutcome.Refused(report, new PoisonRecordException(
                            "the database refused the play (SQLState " + state + "): " + sql.getMessage(), e));
                }
                if (attempt == UNKNOWN_FAILURE_ATTEMPTS) {
                    return new PlayOutcome.Refused(report, e);
                }
                log.warn("{}-{}@{} failed (attempt {}): {}", record.topic(), record.partition(), record.offset(),
                        attempt, e.toString());
            }
        }
    }

    RecordPlay report(ConsumerRecord<String, String> record, Instant receivedAt) {
        PlayEventMessage message;
        try {
            message = json.readValue(record.value() == null ? "" : record.value(), PlayEventMessage.class);
        } catch (JacksonException e) {
            throw new PoisonRecordException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (message == null) {
            throw new PoisonRecordException("empty message", null);
        }
        if (message.msPlayed() == null) {
            throw new PoisonRecordException("msPlayed: is required", null);
        }
        Context context = message.context();
        return new RecordPlay(message.playId(), message.userId(), message.trackId(), message.startedAt(),
                message.msPlayed(), message.deviceId(), message.territory(), message.endReason(),
                context == null ? null : context.type(), context == null ? null : context.id(),
                Boolean.TRUE.equals(message.offline()), receivedAt);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
