package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.events.serialization.EventJson;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Global indexes are drawn before commit, so a lower one can become visible after a higher one. Here many
 * writers append library events in transactions that hold their numbers for a random while before they
 * commit or roll back, as other aggregates feeding the same users would (a shared playlist, say), while
 * clients keep polling the feed with random page sizes. Each client starts with a snapshot, paged like the
 * feed; one per user joins while writing is under way. Each client must end up with exactly the committed
 * changes of its user, snapshot and deltas together: none missing, none twice.
 *
 * <p>One more user gets, among its changes, an event the projection cannot store (as an old store may hold):
 * it is dead-lettered with the changes of that user the projection meets after it, and that user's clients
 * end up with exactly the committed changes below the first dead letter, never one at or past it, while the
 * other users' clients see everything.
 */
class SyncGapSafetyTest extends IntegrationTest {

    private static final int USERS = 3;
    private static final int CLIENTS_PER_USER = 2;
    private static final int WRITERS = 12;
    private static final int TRANSACTIONS_PER_WRITER = 12;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = EventJson.objectMapper();
    /** Clients whose snapshot took more than one page. */
    private final AtomicInteger pagedSnapshots = new AtomicInteger();

    @Test
    void syncNeverSkipsALateCommitNorRepeatsAChange() throws Exception {
        List<ApiClient> users = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            ApiClient user = newListener();
            users.add(user);
            userIds.add(user.get("/api/v1/me").json().get("userId").asText());
        }
        ApiClient poisoned = newListener();
        String poisonedId = poisoned.get("/api/v1/me").json().get("userId").asText();
        List<String> writtenFor = new ArrayList<>(userIds);
        writtenFor.add(poisonedId);
        Map<String, Set<String>> committedEventIds = new ConcurrentHashMap<>();
        writtenFor.forEach(u -> committedEventIds.put(u, ConcurrentHashMap.newKeySet()));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + (USERS + 1) * CLIENTS_PER_USER + 1);

        List<Future<List<Long>>> clients = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            for (int c = 0; c < CLIENTS_PER_USER; c++) {
                ApiClient user = users.get(u);
                boolean joinLater = c > 0;
                clients.add(pool.submit(() -> poll(user, writing, joinLater, this::lastIssued)));
            }
        }
        List<Future<List<Long>>> poisonedClients = new ArrayList<>();
        for (int c = 0; c < CLIENTS_PER_USER; c++) {
            // the end of what the held feed serves: just below the user's first dead letter, once there is one
            poisonedClients.add(pool.submit(() -> poll(poisoned, writing, false,
                    () -> firstDeadLetter(poisonedId).map(first -> first - 1).orElse(Long.MAX_VALUE))));
        }
        Future<?> poisonWriter = pool.submit(() -> {
            Thread.sleep(1_000);
            writeWithDelayedCommit(poisonedId, "bad\u0000item-", committedEventIds);
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                    writeWithDelayedCommit(writtenFor.get(ThreadLocalRandom.current().nextInt(writtenFor.size())),
                            "gap-", committedEventIds);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        poisonWriter.get(2, TimeUnit.MINUTES);
        writing.set(false);

        for (int u = 0; u < USERS; u++) {
            List<Long> committed = tokensOf(committedEventIds.get(userIds.get(u)));
            for (int c = 0; c < CLIENTS_PER_USER; c++) {
                List<Long> seen = clients.get(u * CLIENTS_PER_USER + c).get(2, TimeUnit.MINUTES);
                assertThat(seen).as("changes a client saw, in order").isSorted().doesNotHaveDuplicates();
                assertThat(seen).as("changes a client saw").containsExactlyInAnyOrderElementsOf(committed);
            }
        }
        long firstDead = firstDeadLetter(poisonedId).orElseThrow();
        List<Long> poisonedTokens = tokensOf(committedEventIds.get(poisonedId));
        assertThat(poisonedTokens.stream().filter(t -> t >= firstDead)).as("held changes: the poison and later ones")
                .hasSizeGreaterThan(1);
        List<Long> servable = poisonedTokens.stream().filter(t -> t < firstDead).toList();
        for (Future<List<Long>> client : poisonedClients) {
            List<Long> seen = client.get(2, TimeUnit.MINUTES);
            assertThat(seen).as("changes the poisoned user's client saw, in order").isSorted().doesNotHaveDuplicates();
            assertThat(seen).as("changes the poisoned user's client saw").containsExactlyInAnyOrderElementsOf(servable);
        }
        assertThat(pagedSnapshots.get()).as("clients whose snapshot took several pages").isPositive();
        pool.shutdownNow();
        admin().delete("/api/v1/admin/processors/library-sync/dead-letters/library:" + poisonedId + "?all=true");
    }

    /**
     * One transaction of 1 to 3 saves for the user. Half commit at once, half hold their numbers for 0.2 to
     * 1.5 s (longer than the projection's fetch interval), and one in six rolls back, leaving a gap for good.
     */
    private void writeWithDelayedCommit(String userId, String itemPrefix, Map<String, Set<String>> committed)
            throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String aggregate = "gap-test:" + UUID.randomUUID();
        List<String> eventIds = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    values (?, ?, ?, '1', ?, ?, ?, ?, 'Library')""")) {
                int events = 1 + random.nextInt(3);
                for (int i = 0; i < events; i++) {
                    String eventId = UUID.randomUUID().toString();
                    eventIds.add(eventId);
                    Instant now = Instant.now();
                    insert.setString(1, eventId);
                    insert.setBytes(2, "{}".getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(3, json.writeValueAsBytes(new ItemSavedToLibrary(userId, LibraryItemType.TRACK,
                            itemPrefix + eventId, now, null)));
                    insert.setString(4, ItemSavedToLibrary.class.getName());
                    insert.setString(5, now.toString());
                    insert.setString(6, aggregate);
                    insert.setLong(7, i);
                    insert.executeUpdate();
                }
            }
            if (random.nextBoolean()) {
                Thread.sleep(200 + random.nextInt(1_300));
            }
            if (random.nextInt(6) == 0 && !itemPrefix.contains("\u0000")) {
                connection.rollback();
            } else {
                connection.commit();
                committed.get(userId).addAll(eventIds);
            }
        }
    }

    /**
     * Takes a snapshot (every page of it), then follows the feed until writing stopped and the feed has reached
     * {@code end} (read before each last round: every event, or where the user's feed is held); returns the tokens of the snapshot's items and of the changes after it. One that joins
     * later starts once the feed serves at least three of the user's items, so that its snapshot takes several
     * pages (it looks with two-item pages that it does not keep).
     */
    private List<Long> poll(ApiClient user, AtomicBoolean writing, boolean joinLater, LongSupplier end)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (joinLater && !user.get("/api/v1/me/sync?since=0&limit=2").json().get("hasMore").asBoolean()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Long> seen = new ArrayList<>();
        JsonNode page;
        long since = 0;
        String snapshotAfter = "";
        int pages = 0;
        do {
            int limit = 1 + ThreadLocalRandom.current().nextInt(2);
            pages++;
            ApiClient.Response response = user.get("/api/v1/me/sync?since=" + since + "&limit=" + limit + snapshotAfter);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            page = response.json();
            assertThat(page.get("reset").asBoolean()).as("reset on the snapshot's first page only")
                    .isEqualTo(snapshotAfter.isEmpty());
            page.get("changes").forEach(change -> seen.add(change.get("token").asLong()));
            since = page.get("syncToken").asLong();
            snapshotAfter = page.get("hasMore").asBoolean() ? "&snapshotAfter=" + page.get("snapshotAfter").asLong() : "";
        } while (page.get("hasMore").asBoolean());
        if (pages > 1) {
            pagedSnapshots.incrementAndGet();
        }
        while (true) {
            boolean finalRound = !writing.get();
            long lastIssued = finalRound ? end.getAsLong() : Long.MAX_VALUE;
            do {
                int limit = 1 + ThreadLocalRandom.current().nextInt(25);
                ApiClient.Response response = user.get("/api/v1/me/sync?since=" + since + "&limit=" + limit);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                page = response.json();
                page.get("changes").forEach(change -> seen.add(change.get("token").asLong()));
                since = page.get("syncToken").asLong();
            } while (page.get("hasMore").asBoolean());
            if (finalRound && since >= lastIssued) {
                return seen;
            }
            Thread.sleep(finalRound ? 20 : ThreadLocalRandom.current().nextInt(10));
        }
    }

    private long lastIssued() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    /** The global index of the user's first library change waiting in the dead-letter queue, if any. */
    private Optional<Long> firstDeadLetter(String userId) {
        return Optional.ofNullable(jdbc.queryForObject("""
                        select min(e.global_index) from dead_letter_entry d
                        join domain_event_entry e on e.event_identifier = d.event_identifier
                        where d.processing_group = 'library-sync' and d.sequence_identifier = ?""", Long.class,
                "library:" + userId));
    }

    private List<Long> tokensOf(Set<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        List<Long> tokens = jdbc.queryForList(
                "select global_index from domain_event_entry where event_identifier = any(?) order by global_index",
                Long.class, (Object) eventIds.toArray(String[]::new));
        assertThat(tokens).hasSize(eventIds.size());
        return tokens;
    }
}
