package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.events.account.Role;
import io.musicstream.infra.security.Session;
import io.musicstream.infra.security.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Passwords, roles, signing out everywhere, session lifetimes, push streams tied to sessions, and who may
 * read the actuator.
 */
class AccountSecurityTest extends IntegrationTest {

    private static final String PASSWORD = "a long passphrase";

    @Autowired
    StringRedisTemplate redis;

    private record User(String username, String userId, ApiClient client) {
    }

    private User newUser() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("username", username, "password", PASSWORD, "country", "SE"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new User(username, registered.json().get("userId").asText(), anonymous.loggedIn(username, PASSWORD));
    }

    private ApiClient.Response login(String username, String password) {
        return anonymous.post("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

    @Test
    void changingThePasswordKeepsThisSessionEndsTheOthersAndOnlyTheNewPasswordSignsIn() {
        User ada = newUser();
        ApiClient laptop = anonymous.loggedIn(ada.username(), PASSWORD);

        ApiClient.Response changed = ada.client().put("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "an even longer passphrase"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(ada.client().get("/api/v1/me").status()).as("the session that changed it").isEqualTo(200);
        assertThat(laptop.get("/api/v1/me").status()).as("another session").isEqualTo(401);
        assertThat(login(ada.username(), PASSWORD).status()).isEqualTo(401);
        assertThat(login(ada.username(), "an even longer passphrase").status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordOrABadNewOneChangesNothing() {
        User ada = newUser();
        assertProblem(ada.client().put("/api/v1/me/password",
                Map.of("currentPassword", "not my password", "newPassword", "an even longer passphrase")),
                403, "currentPassword");
        assertProblem(ada.client().put("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "short")), 400, "newPassword");
        assertProblem(ada.client().put("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD)), 400, "newPassword");
        assertProblem(ada.client().put("/api/v1/me/password", Map.of("currentPassword", PASSWORD)),
                400, "newPassword");
        assertProblem(ada.client().put("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "x".repeat(129))), 400, "newPassword");
        assertThat(anonymous.put("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "an even longer passphrase")).status())
                .isEqualTo(401);

        assertThat(ada.client().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(login(ada.username(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAdminFindsAUserAndGrantsCuratorWhichAppliesFromTheNextLogin() {
        User ada = newUser();
        assertThat(ada.client().post("/api/v1/artists", Map.of("name", "Ada's Band")).status()).isEqualTo(403);

        ApiClient admin = admin();
        JsonNode found = admin.get("/api/v1/admin/users?username=" + ada.username().toUpperCase()).json();
        assertThat(found.get("items")).hasSize(1);
        assertThat(found.at("/items/0/userId").asText()).isEqualTo(ada.userId());
        assertThat(found.at("/items/0/roles").toString()).isEqualTo("[\"LISTENER\"]");
        assertThat(found.at("/items/0/country").asText()).isEqualTo("SE");
        assertThat(found.toString()).doesNotContain("argon2").doesNotContain("passwordHash");
        assertThat(admin.get("/api/v1/admin/users?username=nobody-" + UUID.randomUUID().toString().substring(0, 8))
                .json().get("items")).isEmpty();

        ApiClient.Response granted = admin.put("/api/v1/admin/users/" + ada.userId() + "/roles",
                Map.of("roles", List.of("LISTENER", "CURATOR")));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.json().get("roles").toString()).contains("CURATOR").contains("LISTENER");

        assertThat(ada.client().get("/api/v1/me").status()).as("sessions with the old roles end").isEqualTo(401);
        ApiClient again = anonymous.loggedIn(ada.username(), PASSWORD);
        ApiClient.Response artist = again.post("/api/v1/artists", Map.of("name", "Ada's Band"));
        assertThat(artist.status()).as(artist.toString()).isEqualTo(201);
        assertThat(again.get("/api/v1/me").json().get("roles").toString()).contains("CURATOR");
        assertThat(admin.get("/api/v1/admin/users?username=" + ada.username()).json().at("/items/0/roles")
                .toString()).contains("CURATOR");

        // the same roles again change nothing, but still end the user's sessions
        assertThat(admin.put("/api/v1/admin/users/" + ada.userId() + "/roles",
                Map.of("roles", List.of("CURATOR", "LISTENER"))).status()).isEqualTo(200);
    }

    @Test
    void roleChangesAreForAdminsAndRefuseBadInput() {
        User ada = newUser();
        ApiClient admin = admin();
        String path = "/api/v1/admin/users/" + ada.userId() + "/roles";

        assertThat(ada.client().put(path, Map.of("roles", List.of("ADMIN"))).status()).isEqualTo(403);
        assertThat(ada.client().get("/api/v1/admin/users?username=" + ada.username()).status()).isEqualTo(403);
        assertThat(anonymous.put(path, Map.of("roles", List.of("ADMIN"))).status()).isEqualTo(401);
        assertProblem(admin.put(path, Map.of("roles", List.of("LISTENER", "WIZARD"))), 400, "roles");
        assertProblem(admin.put(path, Map.of("roles", List.of())), 400, "roles");
        assertProblem(admin.put(path, "{\"roles\":[null]}"), 400, "roles");
        assertProblem(admin.put(path, Map.of()), 400, "roles");
        assertProblem(admin.put("/api/v1/admin/users/no-such-user/roles", Map.of("roles", List.of("CURATOR"))),
                404, "no such user");
        assertProblem(admin.put("/api/v1/admin/users/" + "x".repeat(300) + "/roles",
                Map.of("roles", List.of("CURATOR"))), 404, "no such user");
        assertProblem(admin.get("/api/v1/admin/users"), 400, "username");

        String adminId = admin.get("/api/v1/me").json().get("userId").asText();
        assertProblem(admin.put("/api/v1/admin/users/" + adminId + "/roles", Map.of("roles", List.of("LISTENER"))),
                409, "ADMIN");
        assertThat(ada.client().get("/api/v1/me").json().get("roles").toString()).isEqualTo("[\"LISTENER\"]");
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheUserOnly() {
        User ada = newUser();
        ApiClient laptop = anonymous.loggedIn(ada.username(), PASSWORD);
        User bob = newUser();

        assertThat(laptop.post("/api/v1/auth/logout-all", Map.of()).status()).isEqualTo(204);
        assertThat(ada.client().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(laptop.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(bob.client().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(anonymous.post("/api/v1/auth/logout-all", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.loggedIn(ada.username(), PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsUsed() {
        MutableClock clock = new MutableClock(Instant.now());
        SessionStore store = new SessionStore(redis, Duration.ofDays(7), Duration.ofMillis(1), Duration.ofDays(30),
                clock);
        String userId = "lifetime-" + UUID.randomUUID();
        String token = store.open(new Session(userId, "someone", Set.of(Role.LISTENER), clock.instant()));

        for (int day = 1; day < 30; day++) {
            clock.advance(Duration.ofDays(1));
            assertThat(store.find(token)).as("day " + day).isPresent();
        }
        SessionStore otherNode = new SessionStore(redis, Duration.ofDays(7), Duration.ofSeconds(10),
                Duration.ofDays(30), clock);
        assertThat(otherNode.find(token)).as("checked in Redis on day 29").isPresent();
        Long ttl = redis.getExpire(SessionStore.idOf(token), TimeUnit.SECONDS);
        assertThat(ttl).as("Redis drops it at the absolute lifetime, not 7 days on").isBetween(1L, Duration.ofDays(1).toSeconds());

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(store.find(token)).isEmpty();
        assertThat(redis.hasKey(SessionStore.idOf(token))).isFalse();
    }

    @Test
    void anExpiredSessionIsReportedEndedToPushStreams() {
        MutableClock clock = new MutableClock(Instant.now());
        SessionStore store = new SessionStore(redis, Duration.ofDays(7), Duration.ofMillis(1), Duration.ofDays(30),
                clock);
        String old = store.open(new Session("u-" + UUID.randomUUID(), "a", Set.of(Role.LISTENER), clock.instant()));
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        String fresh = store.open(new Session("u-" + UUID.randomUUID(), "b", Set.of(Role.LISTENER), clock.instant()));
        String closed = store.open(new Session("u-" + UUID.randomUUID(), "c", Set.of(Role.LISTENER), clock.instant()));
        store.close(closed);
        assertThat(store.ended(List.of(SessionStore.idOf(old), SessionStore.idOf(fresh), SessionStore.idOf(closed))))
                .containsExactlyInAnyOrder(SessionStore.idOf(old), SessionStore.idOf(closed));
    }

    @Test
    void aPushStreamEndsWhenItsSessionSignsOut() throws Exception {
        User ada = newUser();
        ApiClient phone = anonymous.loggedIn(ada.username(), PASSWORD);
        PushStream mine = listen(ada.client().token());
        PushStream phones = listen(phone.token());
        assertThat(mine.events().poll(5, TimeUnit.SECONDS)).as("first event").isNotNull();
        assertThat(phones.events().poll(5, TimeUnit.SECONDS)).as("first event").isNotNull();

        assertThat(ada.client().post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
        mine.ended().get(5, TimeUnit.SECONDS);
        assertThat(phones.ended()).as("the other session's stream").isNotDone();

        assertThat(phone.post("/api/v1/auth/logout-all", Map.of()).status()).isEqualTo(204);
        phones.ended().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aUserHoldsAtMostFivePushStreams() throws Exception {
        User ada = newUser();
        List<PushStream> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PushStream stream = listen(ada.client().token());
            assertThat(stream.events().poll(5, TimeUnit.SECONDS)).as("stream " + i).isNotNull();
            streams.add(stream);
        }
        ApiClient.Response sixth = ada.client().get("/api/v1/me/sync/stream", "text/event-stream");
        assertProblem(sixth, 429, "at most 5");
        assertThat(sixth.header("Retry-After")).isNotBlank();
        PushStream bobs = listen(newUser().client().token());
        assertThat(bobs.events().poll(5, TimeUnit.SECONDS)).as("another user's stream").isNotNull();

        ada.client().post("/api/v1/auth/logout-all", Map.of());
        for (PushStream stream : streams) {
            stream.ended().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anonymousHealthIsTheOverallStatusOnlyAndProbesStayOpen() {
        ApiClient.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/db").status()).isEqualTo(401);
        assertThat(newUser().client().get("/actuator/health").json().has("components")).isFalse();
        assertThat(admin().get("/actuator/health").json().at("/components/db/status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsNeedAnAdmin() {
        assertProblem(anonymous.get("/actuator/prometheus", "text/plain"), 401, "Bearer");
        assertThat(newUser().client().get("/actuator/prometheus", "text/plain").status()).isEqualTo(403);
        assertThat(admin().get("/actuator/prometheus", "text/plain").status()).isEqualTo(200);
    }

    private PushStream listen(String bearer) {
        return PushStream.listen(port, bearer);
    }
}
