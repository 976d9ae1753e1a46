package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.infra.StoredEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An event the library projection cannot store (a save whose item id holds a NUL, as a store written before
 * the boundary check may hold) is dead-lettered: the processor goes on for everyone else, the user's feed is
 * held just below it and never serves that user's later changes past it, and once an admin evicts it the
 * feed resumes with every later change exactly once, in order, with its original token.
 */
class SyncDeadLetterTest extends IntegrationTest {

    private static final String LETTERS = "/api/v1/admin/processors/library-sync/dead-letters";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPoisonLibraryEventHoldsOnlyItsUsersFeedUntilAnAdminEvictsIt() throws Exception {
        ApiClient poisoned = newListener();
        ApiClient other = newListener();
        String poisonedId = userId(poisoned);
        String otherId = userId(other);
        ApiClient admin = admin();

        long before = append(poisonedId, "before-" + UUID.randomUUID());
        JsonNode first = await(poisoned, 0, before);
        long since = first.get("syncToken").asLong();
        assertThat(tokens(first)).containsExactly(before);

        long poison = append(poisonedId, "bad\u0000item");
        long later1 = append(poisonedId, "later-1-" + UUID.randomUUID());
        long otherSave = append(otherId, "other-" + UUID.randomUUID());
        long later2 = append(poisonedId, "later-2-" + UUID.randomUUID());

        // the other user's change flows within seconds
        JsonNode otherPage = await(other, 0, otherSave);
        assertThat(tokens(otherPage)).containsExactly(otherSave);

        String sequence = "library:" + poisonedId;
        eventually(() -> assertThat(admin.get(LETTERS + "?sequenceId=" + sequence).json().get("total").asLong())
                .isEqualTo(3));
        JsonNode letters = admin.get(LETTERS + "?sequenceId=" + sequence).json().get("letters");
        assertThat(letters.get(0).get("globalIndex").asLong()).isEqualTo(poison);
        assertThat(letters.get(0).get("eventType").asText()).isEqualTo(ItemSavedToLibrary.class.getName());
        assertThat(letters.get(0).get("cause").get("message").asText()).contains("itemId holds a NUL");
        assertThat(letters.get(1).get("globalIndex").asLong()).isEqualTo(later1);
        assertThat(letters.get(2).get("globalIndex").asLong()).isEqualTo(later2);
        assertThat(letters.get(1).get("cause").isNull()).as("later letters only wait behind the first").isTrue();

        JsonNode processors = admin.get("/api/v1/admin/processors").json();
        JsonNode librarySync = null;
        for (JsonNode p : processors) {
            if (p.get("name").asText().equals("library-sync")) {
                librarySync = p;
            }
        }
        assertThat(librarySync).isNotNull();
        assertThat(librarySync.get("deadLetters").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(librarySync.get("position").asLong()).as("the processor went on past the poison")
                .isGreaterThanOrEqualTo(later2);

        // the poisoned user's feed is held below the poison, whatever is asked
        ApiClient.Response held = poisoned.get("/api/v1/me/sync?since=" + since);
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.json().get("syncToken").asLong()).isLessThan(poison);
        assertThat(tokens(held.json())).isEmpty();
        JsonNode snapshot = poisoned.get("/api/v1/me/sync?since=0").json();
        assertThat(snapshot.get("syncToken").asLong()).isLessThan(poison);
        assertThat(tokens(snapshot)).containsExactly(before);
        ApiClient.Response waiting = poisoned.get("/api/v1/me/sync?since=" + since + "&minToken=" + later1);
        assertProblem(waiting, 503, "waiting for an operator");
        assertThat(waiting.header("Retry-After")).isNotBlank();
        assertProblem(poisoned.get("/api/v1/me/library/tracks?minToken=" + poison), 503, "waiting for an operator");

        // retrying does not cure it: the letter stays, with its retry counted
        JsonNode retried = admin.post(LETTERS + "/" + sequence + "/retry", null).json();
        assertThat(retried.get("failed").toString()).contains(sequence);
        JsonNode afterRetry = admin.get(LETTERS + "?sequenceId=" + sequence).json();
        assertThat(afterRetry.get("total").asLong()).isEqualTo(3);
        assertThat(afterRetry.get("letters").get(0).get("retries").asLong()).isEqualTo(1);
        assertThat(poisoned.get("/api/v1/me/sync?since=" + since).json().get("syncToken").asLong())
                .isLessThan(poison);

        // evicting the poison lets the changes that waited behind it through, with their own tokens
        JsonNode evicted = admin.delete(LETTERS + "/" + sequence).json();
        assertThat(evicted.get("evicted").asInt()).isEqualTo(1);
        assertThat(evicted.get("restResolved").asBoolean()).isTrue();
        assertThat(evicted.get("remaining").asLong()).isZero();

        long afterwards = append(poisonedId, "afterwards-" + UUID.randomUUID());
        List<Long> seen = new ArrayList<>();
        JsonNode page = await(poisoned, since, afterwards);
        while (true) {
            seen.addAll(tokens(page));
            if (!page.get("hasMore").asBoolean()) {
                break;
            }
            page = poisoned.get("/api/v1/me/sync?since=" + page.get("syncToken").asLong()).json();
        }
        assertThat(seen).containsExactly(later1, later2, afterwards);
        assertThat(admin.get(LETTERS + "?sequenceId=" + sequence).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsSeeOrTouchProcessors() {
        ApiClient listener = newListener();
        assertProblem(listener.get("/api/v1/admin/processors"), 403, "roles");
        assertProblem(listener.get(LETTERS), 403, "roles");
        assertProblem(listener.post(LETTERS + "/retry", null), 403, "roles");
        assertProblem(listener.delete(LETTERS + "/library:someone"), 403, "roles");
        assertThat(anonymous.get("/api/v1/admin/processors").status()).isEqualTo(401);
    }

    @Test
    void unknownProcessorsAndSequencesAreNotFoundAndBadPagingIsRefused() {
        ApiClient admin = admin();
        assertProblem(admin.get("/api/v1/admin/processors/no-such/dead-letters"), 404, "no event processor");
        assertProblem(admin.post(LETTERS + "/library:nobody/retry", null), 404, "no dead letters in sequence");
        assertProblem(admin.delete(LETTERS + "/library:nobody"), 404, "no dead letters in sequence");
        assertProblem(admin.get(LETTERS + "?limit=0"), 400, "limit");
    }

    @Test
    void healthAndMetricsShowEachProcessor() {
        ApiClient admin = admin();
        JsonNode health = admin.get("/actuator/health").json();
        JsonNode processors = health.get("components").get("processors");
        assertThat(processors.get("status").asText()).isEqualTo("UP");
        assertThat(processors.get("details").get("library-sync").get("behind")).isNotNull();
        assertThat(health.get("components").get("sync").get("details").get("projectionStalled").asBoolean())
                .isFalse();
        String metrics = admin.get("/actuator/prometheus", "text/plain").body();
        assertThat(metrics.lines().filter(l -> l.startsWith("music_processor_behind{"))
                .filter(l -> l.contains("processor=\"library-sync\"")).count()).isEqualTo(1);
        assertThat(metrics.lines().filter(l -> l.startsWith("music_processor_dead_letters{"))
                .filter(l -> l.contains("processor=\"catalog-search\"")).count()).isEqualTo(1);
        assertThat(metrics.lines().filter(l -> l.startsWith("music_processor_stalled{"))
                .filter(l -> l.contains("processor=\"catalog-browse\"")).count()).isEqualTo(1);
    }

    private String userId(ApiClient user) {
        return user.get("/api/v1/me").json().get("userId").asText();
    }

    /** Appends a save straight to the event store, as any writer (or an old store) would have. */
    private long append(String userId, String itemId) {
        return StoredEvents.append(jdbc, "Library", "dead-letter-test:" + UUID.randomUUID(),
                new ItemSavedToLibrary(userId, LibraryItemType.TRACK, itemId, Instant.now(), null));
    }

    private JsonNode await(ApiClient user, long since, long minToken) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            ApiClient.Response response = user.get("/api/v1/me/sync?since=" + since + "&minToken=" + minToken);
            if (response.status() == 200 || System.nanoTime() > deadline) {
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                return response.json();
            }
        }
    }

    private static List<Long> tokens(JsonNode page) {
        List<Long> tokens = new ArrayList<>();
        page.get("changes").forEach(c -> tokens.add(c.get("token").asLong()));
        return tokens;
    }
}
