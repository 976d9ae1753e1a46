package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.security.SessionStore;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class AuthTest extends IntegrationTest {

    @Autowired
    StringRedisTemplate redis;

    private static String newName() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registeredUsersLogInAndSeeThemselves() {
        String name = newName();
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("username", name.toUpperCase(), "password", "a long passphrase"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().get("username").asText()).isEqualTo(name);
        assertThat(registered.body()).doesNotContain("passphrase").doesNotContain("argon2");

        ApiClient me = anonymous.loggedIn(name, "a long passphrase");
        ApiClient.Response response = me.get("/api/v1/me");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("roles").toString()).isEqualTo("[\"LISTENER\"]");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        String name = newName();
        Map<String, String> body = Map.of("username", name, "password", "a long passphrase");
        assertThat(anonymous.post("/api/v1/auth/register", body).status()).isEqualTo(201);
        ApiClient.Response again = anonymous.post("/api/v1/auth/register", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("taken");
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetTheSame401() {
        String name = newName();
        anonymous.post("/api/v1/auth/register", Map.of("username", name, "password", "a long passphrase"));
        ApiClient.Response wrong = anonymous.post("/api/v1/auth/login", Map.of("username", name, "password", "nope"));
        ApiClient.Response unknown = anonymous.post("/api/v1/auth/login",
                Map.of("username", newName(), "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void weakCredentialsAreRefusedWithReasons() {
        ApiClient.Response response = anonymous.post("/api/v1/auth/register",
                Map.of("username", "a b", "password", "short"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("username").contains("password");
    }

    @Test
    void theApiNeedsAValidToken() {
        assertThat(anonymous.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous.withToken("forged-token-forged-token-forged").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void listenersCannotWriteTheCatalog() {
        ApiClient.Response response = newListener().post("/api/v1/artists", Map.of("name", "Not Allowed"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSessionClosedOnAnotherNodeEndsHereWithinASecond() throws InterruptedException {
        ApiClient listener = newListener();
        assertThat(listener.get("/api/v1/me").status()).isEqualTo(200); // now in this node's cache

        SessionStore otherNode = new SessionStore(redis, Duration.ofDays(7), Duration.ofSeconds(10));
        otherNode.close(listener.token());

        // this node rechecks cached sessions only every 10 s: a 401 sooner comes from the closed-session message
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        int status = listener.get("/api/v1/me").status();
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = listener.get("/api/v1/me").status();
        }
        assertThat(status).isEqualTo(401);
    }
}
