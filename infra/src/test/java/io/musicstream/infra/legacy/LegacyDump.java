package io.musicstream.infra.legacy;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.Releases;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the fixture of {@code LegacyDatabaseTest} from a freshly started service of an older build: drives its
 * HTTP API (users, libraries, an offline batch, a snapshotted library, plays, a country, a role and a password
 * change), records what it answers, then dumps every table and sequence of its database with {@code COPY}.
 * How to run it: docs/testing.md.
 *
 * <pre>LegacyDump &lt;base-url&gt; &lt;jdbc-url&gt; &lt;jdbc-user&gt; &lt;admin-password&gt; &lt;out-dir&gt;</pre>
 */
public final class LegacyDump {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Library events of one user that make the old build snapshot its library (at least 250). */
    private static final int SNAPSHOT_CYCLES = 7;

    private final ApiClient anonymous;
    private final String adminPassword;
    private final ObjectNode expected = JSON.createObjectNode();
    private final ArrayNode answers;
    private final ArrayNode users;
    private final Map<String, ApiClient> clients = new LinkedHashMap<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, Long> middleTokens = new LinkedHashMap<>();
    private final List<String> tracks = new ArrayList<>();
    private final List<String> albums = new ArrayList<>();
    private final List<String> artists = new ArrayList<>();

    private LegacyDump(String base, String adminPassword) {
        this.anonymous = new ApiClient(base);
        this.adminPassword = adminPassword;
        expected.put("admin", "admin");
        users = expected.putArray("users");
        answers = expected.putArray("answers");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: LegacyDump <base-url> <jdbc-url> <jdbc-user> <admin-password> <out-dir>");
            System.exit(2);
        }
        Path out = Path.of(args[4]);
        LegacyDump dump = new LegacyDump(args[0], args[3]);
        dump.drive();
        dump.awaitProcessors();
        dump.record();
        try (Connection db = connect(args[1], args[2])) {
            dump.expected.set("snapshot", dump.snapshot(db));
            dump.expected.put("lastToken", single(db, "select max(global_index) from domain_event_entry"));
            dumpTables(db, out.resolve("dump"));
        }
        Files.writeString(out.resolve("expected.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(dump.expected) + "\n");
        System.out.println("fixture written to " + out.toAbsolutePath());
    }

    // ---- data, made over HTTP -------------------------------------------------------------------------------

    private void drive() {
        passwords.put("admin", adminPassword);
        clients.put("admin", anonymous.loggedIn("admin", adminPassword));
        catalog();
        register("alice", "alice-legacy-password", "SE");
        register("bob", "bob-legacy-password", null);
        register("carol", "carol-legacy-password", "DE");
        register("dave", "dave-legacy-password", null);
        alice();
        bob();
        carol();
        dave();
    }

    /** The demo catalog, plus a release of our own with a track taken down in Norway. */
    private void catalog() {
        ApiClient admin = clients.get("admin");
        String artistId = json(ok(admin.post("/api/v1/artists", Map.of("name", "Legacy Quartet")), 201))
                .get("artistId").asString();
        JsonNode release = json(ok(admin.post("/api/v1/releases", Releases.release("00000000150150", "Old Schema",
                artistId, List.of(Releases.track("QZLEG2600001", "First Migration", 1),
                        Releases.track("QZLEG2600002", "Checksum", 2),
                        Releases.track("QZLEG2600003", "Baseline", 3)))), 201));
        String releaseId = release.get("releaseId").asString();
        String takenDown = release.at("/tracks/1/trackId").asString();
        ok(admin.post("/api/v1/releases/" + releaseId + "/tracks/" + takenDown + "/takedown",
                Map.of("territories", List.of("NO"), "reason", "licence lapsed in Norway")), 200);
        awaitProcessors();
        for (JsonNode item : json(ok(admin.get("/api/v1/browse/new-releases?limit=50"), 200)).get("items")) {
            String id = item.get("releaseId").asString();
            albums.add(id);
            item.get("artists").forEach(a -> {
                if (!artists.contains(a.get("artistId").asString())) {
                    artists.add(a.get("artistId").asString());
                }
            });
            json(ok(admin.get("/api/v1/albums/" + id), 200)).get("tracks")
                    .forEach(t -> tracks.add(t.get("trackId").asString()));
        }
        if (tracks.size() < 20) {
            throw new IllegalStateException("expected the demo catalog (music.demo-catalog.enabled=true): " + tracks);
        }
        expected.put("takenDownInNorway", takenDown);
    }

    private void register(String username, String password, String country) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("username", username, "password", password));
        if (country != null) {
            body.put("country", country);
        }
        ok(anonymous.post("/api/v1/auth/register", body), 201);
        passwords.put(username, password);
        clients.put(username, anonymous.loggedIn(username, password));
    }

    private void alice() {
        ApiClient alice = clients.get("alice");
        ok(alice.put("/api/v1/me/library/tracks", Map.of("ids", tracks.subList(0, 6))), 200);
        ok(alice.put("/api/v1/me/library/albums/" + albums.get(0), null), 200);
        ok(alice.put("/api/v1/me/library/albums/" + albums.get(1), null), 200);
        ok(alice.put("/api/v1/me/library/artists/" + artists.get(0), null), 200);
        ok(alice.put("/api/v1/me/library/artists/" + artists.get(1), null), 200);
        middleTokens.put("alice", token(ok(alice.delete("/api/v1/me/library/tracks/" + tracks.get(1)), 200)));
        String path = "/api/v1/me/library/tracks/" + expected.get("takenDownInNorway").asString();
        ApiClient.Response first = ok(alice.send("PUT", path, null, Map.of("Idempotency-Key", "legacy-alice-1")), 200);
        ObjectNode replay = expected.putObject("idempotentReplay");
        replay.put("user", "alice").put("method", "PUT").put("path", path).put("key", "legacy-alice-1")
                .put("status", first.status()).set("body", json(first));
        ok(alice.delete("/api/v1/me/library/albums/" + albums.get(1)), 200);
        ok(alice.delete("/api/v1/me/library/tracks?ids=" + tracks.get(2) + "," + tracks.get(3)), 200);
        ok(alice.put("/api/v1/me/country", Map.of("country", "NO")), 204, 200);
        ArrayNode plays = expected.putArray("plays");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> play = new LinkedHashMap<>();
            play.put("playId", "alice-play-" + i);
            play.put("trackId", tracks.get(i == 2 ? 4 : 0));
            play.put("startedAt", at.plus(10L * i, ChronoUnit.MINUTES).toString());
            play.put("msPlayed", 60_000);
            play.put("deviceId", "alice-phone");
            play.put("territory", "NO");
            ok(alice.post("/api/v1/me/plays", play), 201);
            plays.addObject().put("user", "alice").set("request", JSON.valueToTree(play));
        }
    }

    /** Enough library events to make the old build snapshot the library, then a tail after the snapshot. */
    private void bob() {
        ApiClient bob = clients.get("bob");
        List<String> twenty = tracks.subList(0, 20);
        for (int cycle = 0; cycle < SNAPSHOT_CYCLES; cycle++) {
            ok(bob.put("/api/v1/me/library/tracks", Map.of("ids", twenty)), 200);
            long removed = token(ok(bob.send("DELETE", "/api/v1/me/library/tracks", Map.of("ids", twenty), Map.of()),
                    200));
            if (cycle == SNAPSHOT_CYCLES / 2) {
                middleTokens.put("bob", removed);
            }
        }
        ok(bob.put("/api/v1/me/library/tracks", Map.of("ids", tracks.subList(3, 15))), 200);
        ok(bob.put("/api/v1/me/library/albums", Map.of("ids", albums.subList(0, 4))), 200);
        ok(bob.put("/api/v1/me/library/artists", Map.of("ids", artists.subList(0, 3))), 200);
        ok(bob.delete("/api/v1/me/library/artists/" + artists.get(1)), 200);
        ok(bob.delete("/api/v1/me/library/tracks/" + tracks.get(7)), 200);
        ObjectNode probe = expected.putObject("snapshotProbe");
        probe.put("user", "bob").put("savedTrack", tracks.get(10)).put("newTrack", tracks.get(17));
    }

    /** An offline batch: applied, superseded and rejected changes; then an admin changes her roles. */
    private void carol() {
        ApiClient carol = clients.get("carol");
        long synced = token(ok(carol.put("/api/v1/me/library/tracks", Map.of("ids", tracks.subList(0, 3))), 200));
        middleTokens.put("carol", synced);
        Instant offline = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ok(carol.delete("/api/v1/me/library/tracks/" + tracks.get(1)), 200);
        List<Map<String, Object>> changes = List.of(
                change("carol-1", "save", "track", tracks.get(3), offline),
                change("carol-2", "save", "track", tracks.get(4), offline.plusSeconds(60)),
                change("carol-3", "remove", "track", tracks.get(0), offline.plusSeconds(120)),
                change("carol-4", "save", "track", tracks.get(1), offline.plusSeconds(180)),
                change("carol-5", "save", "album", albums.get(2), offline.plusSeconds(240)),
                change("carol-6", "save", "artist", artists.get(2), offline.plusSeconds(300)),
                change("carol-7", "save", "track", "no-such-track", offline.plusSeconds(360)),
                change("carol-8", "remove", "track", tracks.get(4), offline.plusSeconds(420)));
        ok(carol.post("/api/v1/me/library/changes", Map.of("lastSyncToken", synced, "changes", changes)), 200);
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("playId", "carol-play-0");
        play.put("trackId", tracks.get(3));
        play.put("startedAt", offline.toString());
        play.put("msPlayed", 30_000);
        ok(carol.post("/api/v1/me/plays", play), 201);
        ((ArrayNode) expected.get("plays")).addObject().put("user", "carol").set("request", JSON.valueToTree(play));
        ApiClient admin = clients.get("admin");
        String carolId = json(ok(admin.get("/api/v1/admin/users?username=carol"), 200)).at("/items/0/userId")
                .asString();
        ok(admin.put("/api/v1/admin/users/" + carolId + "/roles", Map.of("roles", List.of("LISTENER", "PREMIUM"))),
                200, 204);
        clients.put("carol", anonymous.loggedIn("carol", passwords.get("carol")));
    }

    /** A save and its removal, then a new password. */
    private void dave() {
        ApiClient dave = clients.get("dave");
        middleTokens.put("dave", token(ok(dave.put("/api/v1/me/library/tracks/" + tracks.get(5), null), 200)));
        ok(dave.delete("/api/v1/me/library/tracks/" + tracks.get(5)), 200);
        ok(dave.put("/api/v1/me/library/albums/" + albums.get(3), null), 200);
        ok(dave.put("/api/v1/me/password", Map.of("currentPassword", passwords.get("dave"),
                "newPassword", "dave-new-legacy-password")), 204, 200);
        passwords.put("dave", "dave-new-legacy-password");
        clients.put("dave", anonymous.loggedIn("dave", passwords.get("dave")));
    }

    private static Map<String, Object> change(String id, String action, String type, String item, Instant at) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("clientChangeId", id);
        change.put("action", action);
        change.put("itemType", type);
        change.put("itemId", item);
        change.put("clientTimestamp", at.toString());
        return change;
    }

    /** Until every processor has handled every event, twice in a row a second apart. */
    private void awaitProcessors() {
        ApiClient admin = clients.get("admin");
        int quiet = 0;
        for (int attempt = 0; attempt < 120 && quiet < 2; attempt++) {
            boolean caughtUp = true;
            for (JsonNode processor : json(ok(admin.get("/api/v1/admin/processors"), 200))) {
                caughtUp &= processor.get("behind").asLong() == 0
                        && processor.get("position").asLong() == processor.get("head").asLong();
            }
            quiet = caughtUp ? quiet + 1 : 0;
            sleep(1_000);
        }
        if (quiet < 2) {
            throw new IllegalStateException("processors did not catch up");
        }
    }

    // ---- answers, recorded -----------------------------------------------------------------------------------

    private void record() {
        ApiClient admin = clients.get("admin");
        passwords.forEach((username, password) -> {
            ObjectNode user = users.addObject().put("username", username).put("password", password);
            if (middleTokens.containsKey(username)) {
                user.put("middleToken", middleTokens.get(username));
            }
        });
        for (String username : List.of("alice", "bob", "carol", "dave")) {
            ApiClient client = anonymous.loggedIn(username, passwords.get(username));
            answer(username, client, "/api/v1/me");
            for (String section : List.of("tracks", "albums", "artists")) {
                answer(username, client, "/api/v1/me/library/" + section + "?limit=500");
            }
            follow(username, client, 0);
            follow(username, client, middleTokens.get(username));
        }
        answer("admin", admin, "/api/v1/admin/users?username=carol");
        answer("admin", admin, "/api/v1/admin/users?username=dave");
        answer("admin", admin, "/api/v1/tracks/" + tracks.get(0));
        answer("admin", admin, "/api/v1/tracks/" + expected.get("takenDownInNorway").asString() + "?territory=NO");
        answer("admin", admin, "/api/v1/albums/" + albums.get(0));
        answer("admin", admin, "/api/v1/artists/" + artists.get(0));
        answer("admin", admin, "/api/v1/browse/genres");
    }

    /** The feed from {@code since} to its end, page by page (small pages, so snapshots and deltas page). */
    private void follow(String username, ApiClient client, long since) {
        String path = "/api/v1/me/sync?limit=40&since=" + since;
        while (true) {
            JsonNode page = answer(username, client, path);
            long next = page.get("syncToken").asLong();
            if (!page.get("hasMore").asBoolean()) {
                answer(username, client, "/api/v1/me/sync?since=" + next);
                return;
            }
            JsonNode after = page.get("snapshotAfter");
            path = "/api/v1/me/sync?limit=40&since=" + next
                    + (after == null || after.isNull() ? "" : "&snapshotAfter=" + after.asLong());
        }
    }

    private JsonNode answer(String username, ApiClient client, String path) {
        JsonNode body = json(ok(client.get(path), 200));
        answers.addObject().put("user", username).put("path", path).set("body", body);
        return body;
    }

    // ---- the database, dumped --------------------------------------------------------------------------------

    /** The library snapshot the old build wrote; the fixture is useless without one. */
    private ObjectNode snapshot(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select aggregate_identifier, type, sequence_number from snapshot_event_entry")) {
            if (!rs.next()) {
                throw new IllegalStateException("no snapshot was written; raise SNAPSHOT_CYCLES");
            }
            ObjectNode snapshot = JSON.createObjectNode().put("aggregateIdentifier", rs.getString(1))
                    .put("type", rs.getString(2)).put("sequenceNumber", rs.getLong(3));
            if (rs.next()) {
                throw new IllegalStateException("more than one snapshot");
            }
            return snapshot;
        }
    }

    /**
     * Every table of schema public as {@code COPY} text, gzip'd, one file per table, listed with its columns in
     * {@code tables.tsv}; every sequence's state in {@code sequences.tsv}.
     */
    static void dumpTables(Connection db, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        List<String> tables = strings(db, """
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""");
        try (Writer manifest = Files.newBufferedWriter(dir.resolve("tables.tsv"))) {
            for (String table : tables) {
                String columns = String.join(",", strings(db, """
                        select column_name from information_schema.columns
                        where table_schema = 'public' and table_name = '%s' order by ordinal_position"""
                        .formatted(table)));
                manifest.write(table + "\t" + columns + "\n");
                try (OutputStream file = new GZIPOutputStream(Files.newOutputStream(dir.resolve(table + ".copy.gz")))) {
                    db.unwrap(PGConnection.class).getCopyAPI()
                            .copyOut("copy " + table + " (" + columns + ") to stdout", file);
                }
            }
        }
        try (Writer sequences = Files.newBufferedWriter(dir.resolve("sequences.tsv"))) {
            for (String sequence : strings(db,
                    "select sequencename from pg_sequences where schemaname = 'public' order by sequencename")) {
                try (Statement s = db.createStatement();
                     ResultSet rs = s.executeQuery("select last_value, is_called from " + sequence)) {
                    rs.next();
                    sequences.write(sequence + "\t" + rs.getLong(1) + "\t" + rs.getBoolean(2) + "\n");
                }
            }
        }
    }

    private static Connection connect(String url, String user) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        return DriverManager.getConnection(url, props);
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- small helpers ---------------------------------------------------------------------------------------

    private static ApiClient.Response ok(ApiClient.Response response, int... statuses) {
        for (int status : statuses) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IllegalStateException("unexpected answer: " + response);
    }

    static JsonNode json(ApiClient.Response response) {
        return JSON.readTree(response.body());
    }

    private static long token(ApiClient.Response write) {
        return json(write).get("syncToken").asLong();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
