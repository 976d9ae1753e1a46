package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.catalog.RegisterArtist;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes with an Idempotency-Key run once; retries get the first answer. */
class IdempotencyTest extends IntegrationTest {

    private static final String ARTIST_REGISTERED = "io.musicstream.events.catalog.ArtistRegistered";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void aRetriedPostGetsTheFirstAnswerAndWritesOnce() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        String key = newKey();
        String body = ApiClient.json(Map.of("name", "Retry Band " + key));

        ApiClient.Response first = post(token, "/api/v1/artists", key, body);
        ApiClient.Response retry = post(token, "/api/v1/artists", key, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.body()).isEqualTo(first.body());
        String artistId = first.json().get("artistId").asText();
        assertThat(artistRegisteredEvents(artistId)).isEqualTo(1);
    }

    @Test
    void aRetryIsAnsweredFromPostgresWhenRedisHasForgotten() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        String key = newKey();
        String body = ApiClient.json(Map.of("name", "Forgotten " + key));
        ApiClient.Response first = post(token, "/api/v1/artists", key, body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(redis.keys("idem:*")).isNotEmpty();
        redis.delete(redis.keys("idem:*"));

        ApiClient.Response retry = post(token, "/api/v1/artists", key, body);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(artistRegisteredEvents(first.json().get("artistId").asText())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from idempotency_record where idempotency_key = ? and state = 'completed'")
                .param(key).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theSameKeyWithADifferentBodyIsA422() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        String key = newKey();
        assertThat(post(token, "/api/v1/artists", key, ApiClient.json(Map.of("name", "First " + key))).status())
                .isEqualTo(201);

        ApiClient.Response reused = post(token, "/api/v1/artists", key, ApiClient.json(Map.of("name", "Other " + key)));

        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("title").asText()).isEqualTo("Idempotency-Key reused with a different request");
        assertThat(reused.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void anInvalidKeyIsA400NamingTheHeader() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        String body = ApiClient.json(Map.of("name", "Never Registered"));
        for (String bad : List.of("has space", "semi;colon", "k".repeat(201))) {
            ApiClient.Response response = post(token, "/api/v1/artists", bad, body);
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asText()).contains("Idempotency-Key");
        }
        assertThat(post(token, "/api/v1/artists", "k".repeat(200), body).status()).isEqualTo(201);
    }

    @Test
    void aClientErrorIsReplayedToo() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        String key = newKey();
        String upc = "0060254" + (100000 + (int) (Math.random() * 899999));
        String invalid = ApiClient.json(Releases.release(upc, "Orphan", "no-such-artist",
                List.of(Releases.track("GBUM71029604", "Lost", 1))));

        ApiClient.Response first = post(token, "/api/v1/releases", key, invalid);
        ApiClient.Response retry = post(token, "/api/v1/releases", key, invalid);

        assertThat(first.status()).as(first.toString()).isEqualTo(422);
        assertThat(first.body()).contains("unknown artist ids");
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void twoUsersWithTheSameKeyDoNotCollide() {
        String alice = newListenerToken();
        String bob = newListenerToken();
        String key = newKey();
        String alicePlay = play(UUID.randomUUID().toString(), playableTrack());
        String bobPlay = play(UUID.randomUUID().toString(), playableTrack());

        ApiClient.Response aliceFirst = post(alice, "/api/v1/me/plays", key, alicePlay);
        ApiClient.Response bobFirst = post(bob, "/api/v1/me/plays", key, bobPlay);
        ApiClient.Response bobRetry = post(bob, "/api/v1/me/plays", key, bobPlay);

        assertThat(aliceFirst.status()).as(aliceFirst.toString()).isEqualTo(201);
        assertThat(bobFirst.status()).as(bobFirst.toString()).isEqualTo(201);
        assertThat(bobFirst.header("Idempotent-Replayed")).isNull();
        assertThat(bobFirst.body()).isNotEqualTo(aliceFirst.body());
        assertThat(bobRetry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(bobRetry.body()).isEqualTo(bobFirst.body());
    }

    @Test
    void withoutAKeyEveryPostRunsAsBefore() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        String body = ApiClient.json(Map.of("name", "No Key " + newKey()));

        ApiClient.Response first = post(token, "/api/v1/artists", null, body);
        ApiClient.Response second = post(token, "/api/v1/artists", null, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.json().get("artistId").asText()).isNotEqualTo(first.json().get("artistId").asText());
    }

    @Test
    void concurrentDuplicatesWriteOnce() throws Exception {
        String token = token(ADMIN, ADMIN_PASSWORD);
        String key = newKey();
        String name = "Concurrent " + key;
        String body = ApiClient.json(Map.of("name", name));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ApiClient.Response>> futures = List.of(
                    pool.submit(() -> { start.await(); return post(token, "/api/v1/artists", key, body); }),
                    pool.submit(() -> { start.await(); return post(token, "/api/v1/artists", key, body); }));
            start.countDown();
            List<ApiClient.Response> responses = List.of(futures.get(0).get(), futures.get(1).get());

            List<ApiClient.Response> ran = responses.stream()
                    .filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null).toList();
            assertThat(ran).as(responses.toString()).hasSize(1);
            ApiClient.Response other = responses.get(responses.get(0) == ran.get(0) ? 1 : 0);
            if (other.status() == 409) {
                assertThat(other.header("Retry-After")).isEqualTo("1");
                assertThat(other.contentType()).startsWith("application/problem+json");
            } else {
                assertThat(other.status()).as(other.toString()).isEqualTo(201);
                assertThat(other.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(other.body()).isEqualTo(ran.get(0).body());
            }
            assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type = ?"
                            + " and convert_from(payload, 'UTF8') like ?")
                    .param(ARTIST_REGISTERED).param("%" + name + "%").query(Long.class).single()).isEqualTo(1L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsStillA413() {
        String token = token(ADMIN, ADMIN_PASSWORD);
        byte[] huge = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        HttpRequest request = request(token, "/api/v1/artists", newKey())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();

        ApiClient.Response response = send(request);

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private long artistRegisteredEvents(String artistId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?")
                .param(RegisterArtist.AGGREGATE_PREFIX + artistId).param(ARTIST_REGISTERED).query(Long.class).single();
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private static String play(String playId, String trackId) {
        return ApiClient.json(Map.of("playId", playId, "trackId", trackId, "startedAt",
                java.time.Instant.now().toString(), "msPlayed", 183000));
    }

    private String token(String username, String password) {
        ApiClient.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().get("token").asText();
    }

    private String newListenerToken() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("username", username, "password", "correct horse battery"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return token(username, "correct horse battery");
    }

    private ApiClient.Response post(String token, String path, String key, String json) {
        return send(request(token, path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String token, String path, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        return builder;
    }

    private ApiClient.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
