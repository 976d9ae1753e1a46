package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.events.ids.PlayIds;
import io.musicstream.infra.axon.MemoizedCommandTargetResolver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The whole stack end to end: an admin posts a release → command → aggregate → events in the PostgreSQL
 * event store → the search projection indexes it in Elasticsearch → search finds it; a play published to
 * Kafka becomes a command and an event in the store; sessions live in Redis.
 */
class WalkingSkeletonTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void aggregatesFindCommandTargetsThroughTheMemoizedResolver() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(MemoizedCommandTargetResolver.class);
    }

    @Test
    void aReleasePostedByAnAdminBecomesSearchable() {
        ApiClient admin = admin();
        ApiClient.Response artist = admin.post("/api/v1/artists", Map.of("name", "Queen"));
        assertThat(artist.status()).as(artist.toString()).isEqualTo(201);
        String artistId = artist.json().get("artistId").asText();

        String upc = "0060254720" + (1000 + (int) (Math.random() * 8999));
        ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc, "A Night at the Opera",
                artistId, List.of(Releases.track("GBUM71029604", "Bohemian Rhapsody", 1),
                        Releases.track("GBUM71029605", "Love of My Life", 2))));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        String releaseId = release.json().get("releaseId").asText();

        assertThat(jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ?")
                .param(releaseId).query(String.class).list())
                .containsExactly("io.musicstream.events.catalog.ReleaseIngested");

        ApiClient listener = newListener();
        eventually(() -> {
            JsonNode results = listener.get("/api/v1/search?q=bohemian%20rhapsody&type=track").json();
            assertThat(results.at("/results/track/items/0/name").asText()).isEqualTo("Bohemian Rhapsody");
            assertThat(results.at("/results/track/items/0/artists/0").asText()).isEqualTo("Queen");
        });
        eventually(() -> assertThat(listener.get("/api/v1/search?q=opera&type=album").json()
                .at("/results/album/total").asLong()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void aPlayPublishedToKafkaIsStoredAsAnEventOnce() throws Exception {
        String playId = UUID.randomUUID().toString();
        String message = ApiClient.json(Map.of("playId", playId, "userId", "u-kafka", "trackId", playableTrack(),
                "startedAt", java.time.Instant.now().toString(), "msPlayed", 183000, "deviceId", "phone",
                "territory", "SE"));
        kafka.send("play-events", playId, message).get();
        kafka.send("play-events", playId, message).get();

        String aggregateId = PlayIds.of("u-kafka", playId);
        eventually(() -> assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single()).isEqualTo(1L));
        assertThat(jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ?")
                .param(aggregateId).query(String.class).single())
                .isEqualTo("io.musicstream.events.playback.TrackPlayed");
    }

    @Test
    void theSessionLivesInRedisAndLogoutEndsIt() {
        ApiClient listener = newListener();
        assertThat(listener.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(redis.keys("session:*")).isNotEmpty();

        assertThat(listener.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        ApiClient.Response after = listener.get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }
}
