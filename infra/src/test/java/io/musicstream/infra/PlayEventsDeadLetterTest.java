package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.musicstream.events.ids.PlayIds;
import io.musicstream.infra.kafka.KafkaConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Records on {@code play-events} that can never become a play go to {@code play-events.dlt} with the reason,
 * and the partition moves on: the valid play published after them under the same key is recorded.
 */
class PlayEventsDeadLetterTest extends IntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ConsumerFactory<String, String> consumers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        String key = "same-partition-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        String tooLong = "p".repeat(300);
        String withNul = "p\u0000" + UUID.randomUUID();
        String unknownTrack = "p-unknown-" + UUID.randomUUID();
        String valid = "p-valid-" + UUID.randomUUID();
        String badEndReason = "p-end-" + UUID.randomUUID();
        String badContext = "p-context-" + UUID.randomUUID();

        kafka.send(KafkaConfig.PLAY_EVENTS, key, play(tooLong, user, playableTrack())).get();
        kafka.send(KafkaConfig.PLAY_EVENTS, key, play(withNul, user, playableTrack())).get();
        kafka.send(KafkaConfig.PLAY_EVENTS, key, play(unknownTrack, user, "no-such-track")).get();
        kafka.send(KafkaConfig.PLAY_EVENTS, key, "{not json").get();
        kafka.send(KafkaConfig.PLAY_EVENTS, key, play(badEndReason, user, playableTrack(),
                Map.of("endReason", "EXPLODED"))).get();
        kafka.send(KafkaConfig.PLAY_EVENTS, key, play(badContext, user, playableTrack(),
                Map.of("context", Map.of("type", "ALBUM", "id", "a\u0000b")))).get();
        kafka.send(KafkaConfig.PLAY_EVENTS, key, play(valid, user, playableTrack(),
                Map.of("endReason", "TRACK_DONE", "context", Map.of("type", "RADIO"), "offline", true))).get();

        eventually(() -> assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(PlayIds.of(user, valid)).query(Long.class).single()).isEqualTo(1L));

        Map<String, String> reasons = deadLetters(key, 6);
        assertThat(reasons.get(tooLong)).contains("playId: must be at most 100 characters, got 300");
        assertThat(reasons.get(withNul)).contains("playId: must not contain control characters");
        assertThat(reasons.get(unknownTrack)).contains("track no-such-track does not exist");
        assertThat(reasons.get("{not json")).contains("malformed JSON");
        assertThat(reasons.get(badEndReason)).contains("endReason: must be one of");
        assertThat(reasons.get(badContext)).contains("context.id: must not contain control characters");
        assertThat(jdbc.sql("select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?")
                .param(PlayIds.of(user, valid)).query(String.class).single())
                .contains("\"endReason\":\"TRACK_DONE\"", "\"type\":\"RADIO\"", "\"offline\":true", "\"counted\":true");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier like ?")
                .param(PlayIds.of(user, "") + "%").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void consumerLagIsAMetric() {
        eventually(() -> assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").meters())
                .isNotEmpty());
    }

    /** The dead letters published under {@code key}, by their playId (or whole value), with their reason. */
    private Map<String, String> deadLetters(String key, int expected) {
        Map<String, String> reasons = new HashMap<>();
        try (Consumer<String, String> consumer = consumers.createConsumer("dlt-test-" + UUID.randomUUID(), null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(KafkaConfig.PLAY_EVENTS_DEAD_LETTERS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (reasons.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        Header reason = record.headers().lastHeader(KafkaConfig.REASON_HEADER);
                        reasons.put(playId(record.value()),
                                reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertThat(reasons).hasSize(expected);
        return reasons;
    }

    private static String playId(String value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(value).get("playId").asText();
        } catch (Exception notJson) {
            return value;
        }
    }

    private static String play(String playId, String userId, String trackId) {
        return play(playId, userId, trackId, Map.of());
    }

    private static String play(String playId, String userId, String trackId, Map<String, Object> more) {
        Map<String, Object> play = new HashMap<>(Map.of("playId", playId, "userId", userId, "trackId", trackId,
                "startedAt", Instant.now().minusSeconds(200).toString(), "msPlayed", 183000, "territory", "SE"));
        play.putAll(more);
        return ApiClient.json(play);
    }
}
