package io.musicstream.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Playlists over HTTP: one client at a time editing a playlist of about 10,000 items (add one track at a random
 * position, remove one position, move one item; p50/p99 each, target p99 under 20 ms); the bytes of the operations
 * delta for 5 edits against a full refetch of the items; then an edit storm, 8 collaborators editing one playlist
 * at once, after which the items read through the API must equal the accepted operations, the playlist's events,
 * applied in event order to a plain list.
 */
final class PlaylistsBenchmark {

    private static final String PASSWORD = "playlist-bench-password-1";
    private static final String PLAYLIST_EVENT = "io.musicstream.events.playlist.";
    private static final int ITEMS = 10_000;
    private static final int EDITS = 200;
    private static final int PAGE = 100;
    private static final int COLLABORATORS = 8;
    private static final int STORM_EDITS = 50;

    private record User(String userId, String token) {
    }

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final BlockingHttp http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    PlaylistsBenchmark(ApplicationContext context, int httpPort) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.http = new BlockingHttp("http://127.0.0.1:" + httpPort + "/api/v1");
    }

    List<String> run(int trackCount, int seed) throws Exception {
        BenchCatalog.imported(context, trackCount, seed);
        Benchmarks.waitFor(() -> jdbc.queryForObject("select count(*) from browse_track", Long.class) >= trackCount,
                3_600);
        List<String> tracks = jdbc.queryForList("select track_id from browse_track order by track_id limit ?",
                String.class, trackCount);
        Random random = new Random(seed);
        List<String> report = new ArrayList<>();

        User owner = register("plbench-owner-" + run);
        String playlist = create(owner, "Bench " + run);
        long t0 = System.nanoTime();
        for (int i = 0; i < ITEMS - EDITS; i += PAGE) {
            add(owner, playlist, pick(tracks, random, PAGE), null);
        }
        double fillSeconds = (System.nanoTime() - t0) / 1e9;
        report.add(String.format(Locale.ROOT, "playlists: %,d items added 100 a request in %.1f s", ITEMS - EDITS,
                fillSeconds));

        List<Integer> calls = new ArrayList<>();
        for (int i = 0; i < EDITS; i++) {
            calls.add(i);
        }
        Latencies adds = Latencies.measure(calls, 1, i -> add(owner, playlist, pick(tracks, random, 1),
                random.nextInt(ITEMS - EDITS + i)));
        Latencies removes = Latencies.measure(calls, 1, i -> send(owner, "DELETE", "/playlists/" + playlist + "/items",
                Map.of("positions", List.of(random.nextInt(ITEMS - i)))));
        Latencies moves = Latencies.measure(calls, 1, i -> send(owner, "PUT", "/playlists/" + playlist + "/items",
                Map.of("rangeStart", random.nextInt(ITEMS - EDITS - 10), "rangeLength", 5,
                        "insertBefore", random.nextInt(ITEMS - EDITS))));
        report.add("  one client on a " + String.format(Locale.ROOT, "%,d", ITEMS - EDITS) + "-item playlist (target"
                + " p99 < 20 ms): add " + adds + "; remove " + removes + "; move " + moves);

        String since = snapshot(owner, playlist);
        for (int i = 0; i < 5; i++) {
            add(owner, playlist, pick(tracks, random, 1), random.nextInt(ITEMS - EDITS));
        }
        awaitProjected(owner, playlist);
        int deltaBytes = http.send("GET", "/playlists/" + playlist + "/changes?sinceSnapshot=" + since, owner.token(),
                null).length;
        long refetchBytes = 0;
        int items = 0;
        for (int offset = 0; ; offset += PAGE) {
            byte[] page = http.send("GET", "/playlists/" + playlist + "/items?limit=" + PAGE + "&offset=" + offset,
                    owner.token(), null);
            refetchBytes += page.length;
            int count = json.readTree(page).get("items").size();
            items += count;
            if (count < PAGE) {
                break;
            }
        }
        report.add(String.format(Locale.ROOT, "  5 edits as an operations delta: %,d bytes; the %,d items refetched:"
                + " %,d bytes (%,d requests); ratio %.4f", deltaBytes, items, refetchBytes, (items + PAGE - 1) / PAGE,
                deltaBytes / (double) refetchBytes));
        report.add(storm(owner, tracks, random));
        return report;
    }

    /** Eight collaborators editing one playlist at once; the API's items against the events replayed here. */
    private String storm(User owner, List<String> tracks, Random random) throws Exception {
        String playlist = create(owner, "Storm " + run);
        send(owner, "PUT", "/playlists/" + playlist, Map.of("collaborative", true));
        add(owner, playlist, pick(tracks, random, PAGE), null);
        List<User> collaborators = new ArrayList<>();
        for (int c = 0; c < COLLABORATORS; c++) {
            User user = register("plbench-collab-" + run + "-" + c);
            JsonNode invitation = json.readTree(send(owner, "POST", "/playlists/" + playlist + "/invitations",
                    Map.of("userId", user.userId())));
            send(user, "POST", "/playlists/" + playlist + "/invitations/" + invitation.get("invitationId").asString()
                    + "/accept", Map.of());
            collaborators.add(user);
        }
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(COLLABORATORS);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> editors = new ArrayList<>();
            for (int c = 0; c < COLLABORATORS; c++) {
                User user = collaborators.get(c);
                Random own = new Random(random.nextLong());
                editors.add(pool.submit(() -> {
                    for (int e = 0; e < STORM_EDITS; e++) {
                        try {
                            switch (own.nextInt(3)) {
                                case 0 -> add(user, playlist, pick(tracks, own, 1 + own.nextInt(3)), own.nextInt(50));
                                case 1 -> send(user, "DELETE", "/playlists/" + playlist + "/items",
                                        Map.of("positions", List.of(own.nextInt(50))));
                                default -> send(user, "PUT", "/playlists/" + playlist + "/items", Map.of(
                                        "rangeStart", own.nextInt(40), "rangeLength", 3,
                                        "insertBefore", own.nextInt(60)));
                            }
                            accepted.incrementAndGet();
                        } catch (IllegalStateException conflict) {
                            if (!conflict.getMessage().contains(": 409 ")) {
                                throw conflict;
                            }
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> editor : editors) {
                editor.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        awaitProjected(owner, playlist);
        List<String> read = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode page = json.readTree(http.send("GET", "/playlists/" + playlist + "/items?limit=" + PAGE
                    + "&offset=" + offset, owner.token(), null)).get("items");
            page.forEach(item -> read.add(item.get("trackId").asString()));
            if (page.size() < PAGE) {
                break;
            }
        }
        List<String> replayed = replay(playlist);
        if (!read.equals(replayed)) {
            throw new IllegalStateException("edit storm: the API's " + read.size() + " items differ from the "
                    + replayed.size() + " of the events applied in order");
        }
        return String.format(Locale.ROOT, "  edit storm: %d collaborators, %d edits in %.1f s (%d accepted, %d"
                        + " conflicts answered 409); the %d items read equal the events applied in order: none lost",
                COLLABORATORS, COLLABORATORS * STORM_EDITS, seconds, accepted.get(), conflicts.get(), read.size());
    }

    /** The playlist's item events from the event store, applied in order to a plain list of track ids. */
    private List<String> replay(String playlist) {
        List<String> items = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("""
                select payload_type, convert_from(payload, 'UTF8') as payload from domain_event_entry
                where aggregate_identifier = ? order by sequence_number""", playlist)) {
            String type = ((String) row.get("payload_type")).substring(PLAYLIST_EVENT.length());
            JsonNode event = json.readTree((String) row.get("payload"));
            switch (type) {
                case "PlaylistItemsAdded" -> {
                    List<String> added = new ArrayList<>();
                    event.get("items").forEach(item -> added.add(item.get("trackId").asString()));
                    items.addAll(event.get("position").asInt(), added);
                }
                case "PlaylistItemsRemoved" -> {
                    List<Integer> positions = new ArrayList<>();
                    event.get("positions").forEach(p -> positions.add(p.asInt()));
                    for (int i = positions.size() - 1; i >= 0; i--) {
                        items.remove((int) positions.get(i));
                    }
                }
                case "PlaylistItemsMoved" -> {
                    int start = event.get("rangeStart").asInt();
                    int length = event.get("rangeLength").asInt();
                    int before = event.get("insertBefore").asInt();
                    List<String> range = new ArrayList<>(items.subList(start, start + length));
                    items.subList(start, start + length).clear();
                    items.addAll(before > start ? before - length : before, range);
                }
                case "PlaylistItemsReplaced" -> {
                    items.clear();
                    event.get("items").forEach(item -> items.add(item.get("trackId").asString()));
                }
                default -> {
                }
            }
        }
        return items;
    }

    /** Waits until the read model shows the playlist's latest snapshot, and answers it. */
    private String awaitProjected(User owner, String playlist) throws InterruptedException {
        String latest = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'snapshotId' from domain_event_entry
                where aggregate_identifier = ? and convert_from(payload, 'UTF8')::jsonb ->> 'snapshotId' is not null
                order by sequence_number desc limit 1""", String.class, playlist);
        Benchmarks.waitFor(() -> latest.equals(snapshot(owner, playlist)), 600, 50);
        return latest;
    }

    private String snapshot(User user, String playlist) {
        return json.readTree(http.send("GET", "/playlists/" + playlist, user.token(), null)).get("snapshotId")
                .asString();
    }

    private String create(User owner, String name) {
        return json.readTree(send(owner, "POST", "/me/playlists", Map.of("name", name))).get("id").asString();
    }

    private void add(User user, String playlist, List<String> trackIds, Integer position) {
        Map<String, Object> body = new HashMap<>();
        body.put("trackIds", trackIds);
        if (position != null) {
            body.put("position", position);
        }
        send(user, "POST", "/playlists/" + playlist + "/items", body);
    }

    private static List<String> pick(List<String> tracks, Random random, int n) {
        List<String> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            picked.add(tracks.get(random.nextInt(tracks.size())));
        }
        return picked;
    }

    private byte[] send(User user, String method, String path, Object body) {
        return http.send(method, path, user == null ? null : user.token(), json.writeValueAsString(body));
    }

    private User register(String username) {
        send(null, "POST", "/auth/register", Map.of("username", username, "password", PASSWORD, "country", "SE"));
        JsonNode login = json.readTree(send(null, "POST", "/auth/login", Map.of("username", username,
                "password", PASSWORD)));
        return new User(login.get("userId").asString(), login.get("token").asString());
    }
}
