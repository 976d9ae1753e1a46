package io.musicstream.infra.playback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.playback.RecordPlay;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.infra.kafka.KafkaConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns play events published as JSON on the {@code play-events} topic into {@code RecordPlay} commands.
 * A record that can never become a valid command goes to {@code play-events.dlt} with the reason, so nothing
 * is lost; a duplicate play (same playId) is acknowledged and stored once.
 */
@Component
class PlayEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(PlayEventsConsumer.class);

    /** The JSON a client or edge gateway publishes for one play. */
    record PlayEventMessage(String playId, String userId, String trackId, Instant startedAt, Long msPlayed,
                            String deviceId, String territory) {
    }

    private final CommandGateway commands;
    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json = EventJson.objectMapper();

    PlayEventsConsumer(CommandGateway commands, KafkaTemplate<String, String> kafka) {
        this.commands = commands;
        this.kafka = kafka;
    }

    @KafkaListener(topics = KafkaConfig.PLAY_EVENTS, groupId = "play-ingest")
    void onPlayEvent(ConsumerRecord<String, String> record) throws Exception {
        PlayEventMessage message;
        try {
            message = json.readValue(record.value() == null ? "" : record.value(), PlayEventMessage.class);
        } catch (JsonProcessingException e) {
            deadLetter(record, "malformed JSON: " + e.getOriginalMessage());
            return;
        }
        if (message == null) {
            deadLetter(record, "empty message");
            return;
        }
        try {
            commands.sendAndWait(new RecordPlay(message.playId(), message.userId(), message.trackId(),
                    message.startedAt(), message.msPlayed() == null ? -1 : message.msPlayed(), message.deviceId(),
                    message.territory()));
        } catch (AggregateStreamCreationException duplicate) {
            log.debug("play {} was already recorded", message.playId());
        } catch (InvalidCommandException invalid) {
            deadLetter(record, invalid.getMessage());
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, String reason) throws Exception {
        log.warn("play event at {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                reason);
        ProducerRecord<String, String> dead = new ProducerRecord<>(KafkaConfig.PLAY_EVENTS_DEAD_LETTERS, record.key(),
                record.value());
        dead.headers().add("x-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("x-original-offset",
                (record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        kafka.send(dead).get();
    }
}
