package io.musicstream.infra.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Users with the royalty readers' roles, and periods no other run is likely to have touched. */
final class RoyaltyReaders {

    private RoyaltyReaders() {
    }

    /** A random month of the years 1000-1999: runs that share a database rarely meet each other's. */
    static String pastPeriod() {
        return "%04d-%02d".formatted(ThreadLocalRandom.current().nextInt(1000, 2000),
                ThreadLocalRandom.current().nextInt(1, 13));
    }

    /** A new user holding exactly {@code roles}, granted by the admin, signed in. */
    static ApiClient userWith(ApiClient anonymous, ApiClient admin, String... roles) {
        String username = "reader-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("username", username, "password", "correct horse battery"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String userId = registered.json().get("userId").asText();
        assertThat(admin.put("/api/v1/admin/users/" + userId + "/roles", Map.of("roles", List.of(roles))).status())
                .isEqualTo(200);
        return anonymous.loggedIn(username, "correct horse battery");
    }
}
