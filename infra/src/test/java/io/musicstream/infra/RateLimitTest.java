package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Rate limits over HTTP, with the test context's quotas (IntegrationTest): login 20 per 10 s per username,
 * search 60 per 10 s per user. Requests that the controller refuses cheaply (a blank password, an empty
 * query) count like any other, so the tests use up a quota without waiting for password hashing.
 */
class RateLimitTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void loginOverThePerUsernameLimitIsRefusedUntilRetryAfterHasPassed() throws Exception {
        String username = "rl-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(anonymous.post("/api/v1/auth/register", Map.of("username", username, "password", PASSWORD))
                .status()).isEqualTo(201);

        ApiClient.Response allowed = anonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", ""));
        ApiClient.Response refused = firstRefused(i -> anonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", "")));

        assertThat(allowed.status()).isEqualTo(400);
        assertThat(allowed.header("RateLimit-Policy")).contains("\"login\";q=20;w=10").contains("\"login-ip\";q=");
        assertThat(allowed.header("RateLimit")).matches(".*\"login\";r=19;t=\\d+.*");
        assertProblem(refused, 429, "'login'");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isEqualTo(1);
        assertThat(refused.header("RateLimit-Policy")).contains("\"login\";q=20;w=10");
        assertThat(refused.header("RateLimit")).contains("\"login\";r=0;t=1");

        Thread.sleep(retryAfter * 1000 + 100);
        ApiClient.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
    }

    @Test
    void theLoginLimitCountsAUsernameWhateverItsCase() {
        String username = "rl-" + UUID.randomUUID().toString().substring(0, 8);

        ApiClient.Response refused = firstRefused(i -> anonymous.post("/api/v1/auth/login",
                Map.of("username", i % 2 == 0 ? username : username.toUpperCase(), "password", "")));

        assertThat(refused.header("RateLimit")).contains("\"login\";r=0");
    }

    @Test
    void concurrentLoginsForOneUsernameAreAllCountedAndNoneFails() throws Exception {
        String username = "rl-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<ApiClient.Response> responses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return anonymous.post("/api/v1/auth/login", Map.of("username", username, "password", ""));
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> f : futures) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(400, 429));
        assertThat(responses.stream().filter(r -> r.status() == 429).count()).isPositive();
    }

    @Test
    void searchOverThePerUserLimitIsRefusedWhileAnotherUserSearchesOn() throws Exception {
        ApiClient eager = newListener();
        ApiClient other = newListener();

        ApiClient.Response allowed = eager.get("/api/v1/search/suggest?q=");
        ApiClient.Response refused = firstRefused(i -> eager.get("/api/v1/search/suggest?q="));

        assertThat(allowed.header("RateLimit-Policy")).isEqualTo("\"search\";q=60;w=10");
        assertProblem(refused, 429, "'search'");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        ApiClient.Response others = other.get("/api/v1/search?q=anything");
        assertThat(others.status()).as(others.toString()).isEqualTo(200);
        assertThat(others.header("RateLimit")).matches("\"search\";r=59;t=\\d+");

        Thread.sleep(1100);
        assertThat(eager.get("/api/v1/search?q=anything").status()).isEqualTo(200);
    }

    @Test
    void endpointsWithoutALimitSendNoRateLimitHeaders() {
        ApiClient.Response me = newListener().get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("RateLimit-Policy")).isNull();
    }

    /** Sends requests until one is refused with 429; fails if none is among the first 200. */
    private static ApiClient.Response firstRefused(IntFunction<ApiClient.Response> request) {
        for (int i = 0; i < 200; i++) {
            ApiClient.Response response = request.apply(i);
            if (response.status() == 429) {
                return response;
            }
            assertThat(response.status()).as(response.toString()).isLessThan(500);
        }
        throw new AssertionError("200 requests in a row were allowed");
    }
}
