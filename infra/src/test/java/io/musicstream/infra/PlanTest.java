package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plans: an admin's change and the payment provider's signed callback, the PREMIUM role that follows the plan,
 * the sessions that end when the roles change, and what the callback refuses.
 */
class PlanTest extends IntegrationTest {

    private static final String PASSWORD = "a long passphrase";
    private static final String CALLBACK = "/api/v1/billing/plan-events";
    private static final String SIGNATURE = "X-Billing-Signature";

    @Autowired
    JdbcTemplate jdbc;

    private record User(String username, String userId, ApiClient client) {
    }

    private User newUser() {
        String username = "plan-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("username", username, "password", PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new User(username, registered.json().get("userId").asText(), anonymous.loggedIn(username, PASSWORD));
    }

    private static String event(String eventId, String userId, String plan) {
        return ApiClient.json(Map.of("eventId", eventId, "userId", userId, "plan", plan,
                "occurredAt", "2026-12-01T10:15:30Z"));
    }

    private static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiClient.Response callback(String body, String signature) {
        return anonymous.send("POST", CALLBACK, body, signature == null ? Map.of() : Map.of(SIGNATURE, signature));
    }

    private ApiClient.Response signedCallback(String body) {
        return callback(body, sign(body, BILLING_SECRET));
    }

    /** The account's plan and role events, oldest first, as "type plan-or-roles". */
    private List<String> accountEvents(String userId) {
        return jdbc.queryForList("""
                select substring(payload_type from '[^.]+$') || ' ' || coalesce(
                       convert_from(payload, 'UTF8')::jsonb ->> 'plan',
                       (convert_from(payload, 'UTF8')::jsonb -> 'roles')::text)
                from domain_event_entry
                where aggregate_identifier = ? and payload_type in
                      ('io.musicstream.events.account.PlanChanged', 'io.musicstream.events.account.UserRolesChanged')
                order by global_index""", String.class, userId);
    }

    @Test
    void aNewUserIsOnTheFreePlan() {
        User ada = newUser();

        assertThat(ada.client().get("/api/v1/me").json().get("plan").asText()).isEqualTo("FREE");
        assertThat(admin().get("/api/v1/admin/users?username=" + ada.username()).json().at("/items/0/plan").asText())
                .isEqualTo("FREE");
    }

    @Test
    void anAdminPutsAUserOnPremiumThePremiumRoleFollowsAndTheirSessionsEnd() {
        User ada = newUser();
        ApiClient admin = admin();
        String path = "/api/v1/admin/users/" + ada.userId() + "/plan";

        ApiClient.Response premium = admin.put(path, Map.of("plan", "PREMIUM"));

        assertThat(premium.status()).as(premium.toString()).isEqualTo(200);
        assertThat(premium.json().get("plan").asText()).isEqualTo("PREMIUM");
        assertThat(premium.json().get("roles").toString()).isEqualTo("[\"LISTENER\",\"PREMIUM\"]");
        assertThat(ada.client().get("/api/v1/me").status()).as("sessions with the old roles end").isEqualTo(401);
        ApiClient again = anonymous.loggedIn(ada.username(), PASSWORD);
        assertThat(again.get("/api/v1/me").json().get("plan").asText()).isEqualTo("PREMIUM");
        assertThat(again.get("/api/v1/me").json().get("roles").toString()).contains("PREMIUM");
        assertThat(accountEvents(ada.userId()))
                .containsExactly("PlanChanged PREMIUM", "UserRolesChanged [\"LISTENER\", \"PREMIUM\"]");

        // the same plan again records nothing and ends no session
        assertThat(admin.put(path, Map.of("plan", "PREMIUM")).status()).isEqualTo(200);
        assertThat(again.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(accountEvents(ada.userId())).hasSize(2);

        ApiClient.Response free = admin.put(path, Map.of("plan", "FREE"));
        assertThat(free.json().get("plan").asText()).isEqualTo("FREE");
        assertThat(free.json().get("roles").toString()).isEqualTo("[\"LISTENER\"]");
        assertThat(again.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous.loggedIn(ada.username(), PASSWORD).get("/api/v1/me").json().get("plan").asText())
                .isEqualTo("FREE");
    }

    @Test
    void planChangesAreForAdminsAndRefuseBadInput() {
        User ada = newUser();
        ApiClient admin = admin();
        String path = "/api/v1/admin/users/" + ada.userId() + "/plan";

        assertThat(ada.client().put(path, Map.of("plan", "PREMIUM")).status()).isEqualTo(403);
        assertThat(anonymous.put(path, Map.of("plan", "PREMIUM")).status()).isEqualTo(401);
        assertProblem(admin.put(path, Map.of("plan", "GOLD")), 400, "plan");
        assertProblem(admin.put(path, Map.of("plan", "")), 400, "plan");
        assertProblem(admin.put(path, Map.of("plan", "premium")), 400, "plan");
        assertProblem(admin.put(path, Map.of("plan", 1)), 400, "plan");
        assertProblem(admin.put(path, Map.of("plan", List.of("PREMIUM"))), 400, "plan");
        assertProblem(admin.put(path, Map.of("plan", "PREMIUM", "extra", true)), 400, "extra");
        assertProblem(admin.put(path, "{\"plan\":null}"), 400, "plan");
        assertProblem(admin.put(path, Map.of()), 400, "plan");
        assertProblem(admin.put(path, "{\"plan\":"), 400, "");
        assertProblem(admin.put("/api/v1/admin/users/no-such-user/plan", Map.of("plan", "PREMIUM")), 404,
                "no such user");
        assertProblem(admin.put("/api/v1/admin/users/" + "x".repeat(300) + "/plan", Map.of("plan", "PREMIUM")),
                404, "no such user");
        assertThat(accountEvents(ada.userId())).isEmpty();
        assertThat(ada.client().get("/api/v1/me").json().get("plan").asText()).isEqualTo("FREE");
    }

    @Test
    void aSignedCallbackChangesThePlanOnceAndEndsTheSessions() {
        User ada = newUser();
        String goPremium = event("evt-" + UUID.randomUUID(), ada.userId(), "PREMIUM");

        ApiClient.Response applied = signedCallback(goPremium);

        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("plan").asText()).isEqualTo("PREMIUM");
        assertThat(applied.json().get("repeated").asBoolean()).isFalse();
        assertThat(applied.header("RateLimit-Policy")).as("callbacks are rate limited per address")
                .contains("\"billing\"");
        assertThat(ada.client().get("/api/v1/me").status()).isEqualTo(401);
        ApiClient again = anonymous.loggedIn(ada.username(), PASSWORD);
        assertThat(again.get("/api/v1/me").json().get("plan").asText()).isEqualTo("PREMIUM");

        ApiClient.Response retried = signedCallback(goPremium);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("repeated").asBoolean()).isTrue();
        assertThat(again.get("/api/v1/me").status()).as("a retry ends no session").isEqualTo(200);

        assertThat(signedCallback(event("evt-" + UUID.randomUUID(), ada.userId(), "FREE")).json().get("plan")
                .asText()).isEqualTo("FREE");
        ApiClient.Response late = signedCallback(goPremium);
        assertThat(late.json().get("repeated").asBoolean()).isTrue();
        assertThat(late.json().get("plan").asText()).as("a retry after a later change changes nothing")
                .isEqualTo("FREE");
        assertThat(accountEvents(ada.userId())).containsExactly("PlanChanged PREMIUM",
                "UserRolesChanged [\"LISTENER\", \"PREMIUM\"]", "PlanChanged FREE", "UserRolesChanged [\"LISTENER\"]");
    }

    @Test
    void aCallbackWithoutTheBodysSignatureIsRefusedAndChangesNothing() {
        User ada = newUser();
        String body = event("evt-" + UUID.randomUUID(), ada.userId(), "PREMIUM");
        String tampered = body.replace("PREMIUM", "FREE");
        String good = sign(body, BILLING_SECRET);

        assertProblem(callback(body, null), 401, SIGNATURE);
        assertProblem(callback(body, ""), 401, SIGNATURE);
        assertProblem(callback(body, good.substring("sha256=".length())), 401, SIGNATURE);
        assertProblem(callback(body, "sha1=" + good.substring("sha256=".length())), 401, SIGNATURE);
        assertProblem(callback(body, good.substring(0, good.length() - 2)), 401, SIGNATURE);
        assertProblem(callback(body, "sha256=" + "z".repeat(64)), 401, SIGNATURE);
        assertProblem(callback(body, sign(body, "another-secret-of-at-least-32-chars!")), 401, SIGNATURE);
        assertProblem(callback(tampered, good), 401, SIGNATURE);
        assertProblem(callback(body + " ", good), 401, SIGNATURE);
        assertProblem(admin().send("POST", CALLBACK, body, Map.of()), 401, SIGNATURE);
        assertProblem(ada.client().send("POST", CALLBACK, body, Map.of()), 401, SIGNATURE);

        assertThat(accountEvents(ada.userId())).isEmpty();
        assertThat(ada.client().get("/api/v1/me").json().get("plan").asText()).isEqualTo("FREE");
        assertThat(callback(body, good.toUpperCase().replace("SHA256=", "sha256=")).status())
                .as("hex digits in either case").isEqualTo(200);
    }

    @Test
    void aSignedCallbackWithABadBodyIsRefusedWithAProblem() {
        User ada = newUser();
        String id = ada.userId();

        assertProblem(signedCallback("not json"), 400, "JSON");
        assertProblem(signedCallback(""), 400, "JSON");
        assertProblem(signedCallback("[]"), 400, "JSON object");
        assertProblem(signedCallback("{}"), 400, "eventId");
        assertProblem(signedCallback(ApiClient.json(Map.of("userId", id, "plan", "PREMIUM",
                "occurredAt", "2026-12-01T10:15:30Z"))), 400, "eventId: is required");
        assertProblem(signedCallback(event("evt-1", id, "GOLD")), 400, "plan: must be FREE or PREMIUM");
        assertProblem(signedCallback(event("evt-1", id, "premium")), 400, "plan");
        assertProblem(signedCallback(event("x".repeat(101), id, "PREMIUM")), 400, "eventId");
        assertProblem(signedCallback(event("evt-\u0000", id, "PREMIUM")), 400, "eventId");
        assertProblem(signedCallback(event("evt-1", "u\u0007", "PREMIUM")), 400, "userId");
        assertProblem(signedCallback(ApiClient.json(Map.of("eventId", 7, "userId", id, "plan", "PREMIUM",
                "occurredAt", "2026-12-01T10:15:30Z"))), 400, "eventId");
        assertProblem(signedCallback(ApiClient.json(Map.of("eventId", "evt-1", "userId", id, "plan", "PREMIUM",
                "occurredAt", "yesterday"))), 400, "occurredAt");
        assertProblem(signedCallback(event("evt-1", "no-such-user", "PREMIUM")), 404, "no such user");

        assertThat(accountEvents(id)).isEmpty();
    }
}
