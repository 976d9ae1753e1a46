package io.musicstream.infra.playback;

import io.musicstream.command.playback.RecordPlay;
import io.musicstream.infra.common.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import io.musicstream.infra.kafka.KafkaConfig;
import io.musicstream.infra.kafka.PoisonRecordException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns play events published as JSON on the {@code play-events} topic into {@code RecordPlay} commands, checked
 * by the same rules as plays over HTTP. A duplicate play (same user and playId) is acknowledged and stored
 * once. Anything else that fails is thrown to the container's error handler ({@link KafkaConfig}): records
 * that can never be stored go to {@code play-events.dlt}, transient failures are retried.
 */
@Component
class PlayEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(PlayEventsConsumer.class);
    private static final String UNIQUE_VIOLATION = "23505";

    /** The JSON a client or edge gateway publishes for one play; the HTTP play report's shape plus userId. */
    record PlayEventMessage(String playId, String userId, String trackId, Instant startedAt, Long msPlayed,
                            String deviceId, String territory, String endReason, Context context, Boolean offline) {
    }

    record Context(String type, String id) {
    }

    private final CommandGateway commands;
    private final Clock clock;
    private final JsonMapper json = Json.MAPPER;

    PlayEventsConsumer(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @KafkaListener(topics = KafkaConfig.PLAY_EVENTS, groupId = "play-ingest")
    void onPlayEvent(ConsumerRecord<String, String> record) {
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
        try {
            Context context = message.context();
            commands.sendAndWait(new RecordPlay(message.playId(), message.userId(), message.trackId(),
                    message.startedAt(), message.msPlayed(), message.deviceId(), message.territory(),
                    message.endReason(), context == null ? null : context.type(), context == null ? null : context.id(),
                    Boolean.TRUE.equals(message.offline()), clock.instant()));
        } catch (AggregateStreamCreationException duplicate) {
            log.debug("play {} of user {} was already recorded", message.playId(), message.userId());
        } catch (RuntimeException e) {
            SQLException sql = sqlCause(e);
            String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
            if (state.equals(UNIQUE_VIOLATION)) {
                log.debug("play {} of user {} was already recorded", message.playId(), message.userId());
            } else if (state.startsWith("22") || state.startsWith("23")) {
                // data exceptions and integrity violations fail the same way on every retry
                throw new PoisonRecordException("the database refused the play (SQLState " + state + "): "
                        + sql.getMessage(), e);
            } else {
                throw e;
            }
        }
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
