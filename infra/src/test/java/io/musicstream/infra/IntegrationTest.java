package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Base of the tests that drive the HTTP API of the whole application against the real PostgreSQL, Kafka,
 * Elasticsearch and Redis that dev services start once for the test run. All subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "music.admin.username=test-admin", "music.admin.password=test-admin-password",
        "music.billing.webhook-secret=" + IntegrationTest.BILLING_SECRET,
        // per-user quotas that refill within a second once used up (RateLimitTest), with bursts no other test
        // reaches; generous per address and for writes, since the whole suite comes from one address
        "music.rate-limits.login.limit=20", "music.rate-limits.login.window=10s",
        "music.rate-limits.search.limit=60", "music.rate-limits.search.window=10s",
        "music.rate-limits.login-ip.limit=1000000", "music.rate-limits.register-ip.limit=1000000",
        "music.rate-limits.writes.limit=1000000", "music.rate-limits.billing.limit=1000000",
        // popularity computed within a second of a counted play
        "music.popularity.refresh=PT1S",
        // a grace window of 400,000 days (about 1,095 years): the period close saga closes by itself only
        // periods before the year 930 (RoyaltyCloseSagaTest's); every other test's periods close by command
        "music.royalties.grace-days=400000", "music.royalties.close-retry=PT2S",
        "music.deadlines.polling-interval=PT1S"})
public abstract class IntegrationTest {

    protected static final String ADMIN = "test-admin";
    protected static final String ADMIN_PASSWORD = "test-admin-password";
    /** What the tests' payment provider signs its callbacks with. */
    protected static final String BILLING_SECRET = "test-billing-webhook-secret-of-32-chars";

    private static String playableTrack;
    private static ApiClient admin;
    private static int adminPort;

    @LocalServerPort
    protected int port;
    protected ApiClient anonymous;

    @BeforeEach
    void client() {
        anonymous = new ApiClient("http://127.0.0.1:" + port);
    }

    /**
     * The admin, signed in once and again only when a test ended that session: tests call this often, and each
     * login counts against the per-username rate limit.
     */
    protected ApiClient admin() {
        synchronized (IntegrationTest.class) {
            if (admin == null || adminPort != port || admin.get("/api/v1/me").status() != 200) {
                admin = anonymous.loggedIn(ADMIN, ADMIN_PASSWORD);
                adminPort = port;
            }
            return admin;
        }
    }

    /**
     * A track the catalog knows, licensed worldwide and 354 s long, once the browse read model has it (plays
     * are checked against it). Ingested once per test run.
     */
    protected String playableTrack() {
        synchronized (IntegrationTest.class) {
            if (playableTrack == null) {
                ApiClient admin = admin();
                String artistId = admin.post("/api/v1/artists", Map.of("name", "Playable")).json().get("artistId")
                        .asText();
                String upc = "0077" + String.format("%08d", (int) (Math.random() * 99_999_999));
                ApiClient.Response release = admin.post("/api/v1/releases", Releases.release(upc, "Playable",
                        artistId, java.util.List.of(Releases.track("QZPLA2600001", "Playable Track", 1))));
                assertThat(release.status()).as(release.toString()).isEqualTo(201);
                String trackId = release.json().at("/tracks/0/trackId").asText();
                eventually(() -> assertThat(admin.get("/api/v1/tracks/" + trackId).status()).isEqualTo(200));
                playableTrack = trackId;
            }
            return playableTrack;
        }
    }

    /** Runs the auditor's replay of {@code period} as an admin and answers the finished job, which must be DONE. */
    protected JsonNode auditReplay(YearMonth period) {
        ApiClient.Response started = admin().post("/api/v1/audit/royalty-replays", Map.of("period", period.toString()));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.header("Location");
        JsonNode[] job = new JsonNode[1];
        eventually(() -> {
            job[0] = admin().get(location).json();
            assertThat(job[0].get("state").asText()).as(job[0].toString()).isIn("DONE", "FAILED");
        });
        assertThat(job[0].get("state").asText()).as(job[0].toString()).isEqualTo("DONE");
        return job[0];
    }

    /** Registers a fresh listener and returns a client logged in as them. */
    protected ApiClient newListener() {
        return register(Map.of());
    }

    /** Registers a fresh listener living in {@code country} and returns a client logged in as them. */
    protected ApiClient newListener(String country) {
        return register(Map.of("country", country));
    }

    private ApiClient register(Map<String, String> extra) {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> body = new java.util.HashMap<>(extra);
        body.put("username", username);
        body.put("password", "correct horse battery");
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register", body);
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered);
        }
        return anonymous.loggedIn(username, "correct horse battery");
    }

    /** An RFC 9457 problem with the given status whose detail says what is wrong, and no stack trace. */
    protected static void assertProblem(ApiClient.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("detail").asText()).contains(detailContains);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.musicstream");
    }

    /** Retries the assertion for up to 30 s: projections and rebuilds run behind commands, slower on a busy machine. */
    protected static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
