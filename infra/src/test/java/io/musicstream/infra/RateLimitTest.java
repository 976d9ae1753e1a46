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
import org.junit.jupiter.api.Test;

/**
 * Rate limits over HTTP, with the test context's small windows (IntegrationTest): login 5 per second per
 * username, search 30 per second per user.
 */
class RateLimitTest extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void loginOverThePerUsernameLimitIsRefusedUntilRetryAfterHasPassed() throws Exception {
        String username = "rl-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(anonymous.post("/api/v1/auth/register", Map.of("username", username, "password", PASSWORD))
                .status()).isEqualTo(201);

        List<ApiClient.Response> attempts = concurrently(12,
                () -> anonymous.post("/api/v1/auth/login", Map.of("username", username, "password", "wrong guess!")));

        ApiClient.Response refused = attempts.stream().filter(r -> r.status() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no attempt was refused: " + attempts));
        assertProblem(refused, 429, "'login'");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(refused.header("RateLimit-Policy")).contains("\"login\";q=5;w=1");
        assertThat(refused.header("RateLimit")).contains("\"login\";r=0;t=");
        ApiClient.Response allowed = attempts.stream().filter(r -> r.status() == 401).findFirst().orElseThrow();
        assertThat(allowed.header("RateLimit-Policy")).contains("\"login\";q=5;w=1").contains("\"login-ip\";q=");
        assertThat(allowed.header("RateLimit")).matches(".*\"login\";r=\\d+;t=\\d+.*");

        Thread.sleep(retryAfter * 1000 + 100);
        ApiClient.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
    }

    @Test
    void theLoginLimitCountsTheUsernameWhateverItsCase() throws Exception {
        String username = "rl-" + UUID.randomUUID().toString().substring(0, 8);

        List<ApiClient.Response> attempts = concurrently(12, () -> anonymous.post("/api/v1/auth/login",
                Map.of("username", Math.random() < 0.5 ? username : username.toUpperCase(), "password", "x")));

        assertThat(attempts).anyMatch(r -> r.status() == 429);
    }

    @Test
    void searchOverThePerUserLimitIsRefusedWhileAnotherUserSearchesOn() throws Exception {
        ApiClient eager = newListener();
        ApiClient other = newListener();

        ApiClient.Response refused = null;
        for (int i = 0; i < 500 && refused == null; i++) {
            ApiClient.Response response = eager.get("/api/v1/search/suggest?q=");
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.header("RateLimit-Policy")).isEqualTo("\"search\";q=30;w=1");
            }
        }
        assertThat(refused).as("the 500th search was still allowed").isNotNull();
        assertProblem(refused, 429, "'search'");
        assertThat(refused.header("Retry-After")).isEqualTo("1");

        ApiClient.Response others = other.get("/api/v1/search?q=anything");
        assertThat(others.status()).as(others.toString()).isEqualTo(200);
        assertThat(others.header("RateLimit")).matches("\"search\";r=(29|[12][0-9]);t=\\d+");

        Thread.sleep(1100);
        assertThat(eager.get("/api/v1/search?q=anything").status()).isEqualTo(200);
    }

    @Test
    void endpointsWithoutALimitSendNoRateLimitHeaders() {
        ApiClient.Response me = newListener().get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("RateLimit-Policy")).isNull();
    }

    private static List<ApiClient.Response> concurrently(int n, java.util.concurrent.Callable<ApiClient.Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
