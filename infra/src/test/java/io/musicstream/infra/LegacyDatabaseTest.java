package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A database made by the build before the layout of issue 15 (commit e121c64) starts under this build with its
 * accounts, libraries and sync feeds intact. The fixture holds that build's migrations, a dump of its database
 * after realistic use and what it answered then; this test recreates the schema from those migrations in a
 * database of its own, loads the dump and starts a second application on it. The fixture is made by
 * {@code legacy.LegacyDump} (docs/testing.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyDatabaseTest extends IntegrationTest {

    private static final String FIXTURE = "legacy-db/e121c64/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern JDBC_DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

    @Autowired
    private ApplicationContext shared;
    @Autowired
    private Environment env;
    @Autowired
    private DataSource sharedDataSource;

    private JsonNode expected;
    private String database;
    private String url;
    private List<List<String>> oldHistory;
    private ConfigurableApplicationContext legacy;
    private ApiClient legacyApi;
    private final Map<String, ApiClient> sessions = new HashMap<>();

    @BeforeAll
    void restoreTheOldDatabaseAndStartTheApplicationOnIt() throws Exception {
        expected = JSON.readTree(resource("expected.json"));
        database = "legacy_e121c64_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection db = sharedDataSource.getConnection(); Statement s = db.createStatement()) {
            s.execute("create database " + database);
        }
        Matcher jdbcUrl = JDBC_DATABASE.matcher(env.getProperty("spring.datasource.url"));
        assertThat(jdbcUrl.matches()).as("a PostgreSQL JDBC URL").isTrue();
        url = jdbcUrl.group(1) + database + jdbcUrl.group(3);
        Flyway.configure().dataSource(url, dbUser(), dbPassword()).locations("classpath:" + FIXTURE + "migration")
                .load().migrate();
        try (Connection db = connect()) {
            restore(db);
            oldHistory = history(db);
        }
        legacy = new SpringApplicationBuilder(applicationClass()).run(arguments());
        legacyApi = new ApiClient("http://127.0.0.1:" + legacy.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopTheApplicationAndDropItsDatabase() throws SQLException {
        if (legacy != null) {
            legacy.close();
        }
        if (database != null) {
            try (Connection db = sharedDataSource.getConnection(); Statement s = db.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    @Order(1)
    void flywayAcceptsTheOldSchemaHistoryAndAppliesNoOldVersionAgain() throws SQLException {
        List<List<String>> history;
        try (Connection db = connect()) {
            history = history(db);
        }
        assertThat(history.subList(0, Math.min(history.size(), oldHistory.size()))).isEqualTo(oldHistory);
        MigrationVersion lastOld = MigrationVersion.fromVersion(oldHistory.get(oldHistory.size() - 1).get(1));
        for (List<String> added : history.subList(oldHistory.size(), history.size())) {
            assertThat(MigrationVersion.fromVersion(added.get(1))).as("a migration added after e121c64: %s", added)
                    .isGreaterThan(lastOld);
            assertThat(added.get(9)).as("applied: %s", added).isIn("t", "true");
        }
    }

    @Test
    @Order(2)
    void everyUserSignsInWithThePasswordTheyHadBefore() {
        for (JsonNode user : expected.get("users")) {
            ApiClient.Response login = legacyApi.post("/api/v1/auth/login",
                    Map.of("username", user.get("username").asString(), "password", user.get("password").asString()));
            assertThat(login.status()).as("%s: %s", user.get("username").asString(), login).isEqualTo(200);
        }
    }

    @Test
    @Order(3)
    void librariesFeedsAccountsAndCatalogAnswerAsTheOldBuildDid() {
        for (JsonNode answer : expected.get("answers")) {
            String user = answer.get("user").asString();
            String path = answer.get("path").asString();
            ApiClient client = signedIn(user);
            eventually(() -> {
                ApiClient.Response response = client.get(path);
                assertThat(response.status()).as("%s %s", path, response).isEqualTo(200);
                assertThat(withoutFieldsAddedSince(JSON.readTree(response.body())))
                        .as("GET %s as %s: %s", path, user, response.body())
                        .isEqualTo(withoutFieldsAddedSince(answer.get("body")));
                if (path.equals("/api/v1/me")) {
                    assertThat(JSON.readTree(response.body()).get("plan").asString())
                            .as("an account from before plans is on FREE").isEqualTo("FREE");
                }
            });
        }
    }

    @Test
    @Order(4)
    void retriesOfRequestsMadeBeforeAreRecognised() {
        JsonNode replay = expected.get("idempotentReplay");
        ApiClient.Response again = signedIn(replay.get("user").asString()).send(replay.get("method").asString(),
                replay.get("path").asString(), null, Map.of("Idempotency-Key", replay.get("key").asString()));
        assertThat(again.status()).as(again.toString()).isEqualTo(replay.get("status").asInt());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(JSON.readTree(again.body())).isEqualTo(replay.get("body"));

        for (JsonNode play : expected.get("plays")) {
            ApiClient.Response duplicate = signedIn(play.get("user").asString()).post("/api/v1/me/plays",
                    JSON.writeValueAsString(play.get("request")));
            assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(200);
            assertThat(JSON.readTree(duplicate.body()).get("duplicate").asBoolean()).isTrue();
        }
    }

    @Test
    @Order(5)
    void theSnapshottedLibraryLoadsAndTakesNewWritesAboveTheOldTokens() throws SQLException {
        JsonNode snapshot = expected.get("snapshot");
        JsonNode probe = expected.get("snapshotProbe");
        long lastToken = expected.get("lastToken").asLong();
        try (Connection db = connect(); PreparedStatement s = db.prepareStatement(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ? and sequence_number = ?")) {
            s.setString(1, snapshot.get("aggregateIdentifier").asString());
            s.setLong(2, snapshot.get("sequenceNumber").asLong());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("the old build's library snapshot").isEqualTo(1);
            }
        }
        ApiClient bob = signedIn(probe.get("user").asString());

        ApiClient.Response unchanged = bob.put("/api/v1/me/library/tracks/" + probe.get("savedTrack").asString(), null);
        assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(200);
        assertThat(JSON.readTree(unchanged.body()).get("changed").asInt()).as("already saved before").isZero();

        ApiClient.Response saved = bob.put("/api/v1/me/library/tracks/" + probe.get("newTrack").asString(), null);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode write = JSON.readTree(saved.body());
        assertThat(write.get("changed").asInt()).isEqualTo(1);
        long token = write.get("syncToken").asLong();
        assertThat(token).as("tokens continue above the old maximum").isGreaterThan(lastToken);

        ApiClient.Response feed = bob.get("/api/v1/me/sync?since=" + lastToken + "&minToken=" + token);
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        JsonNode page = JSON.readTree(feed.body());
        assertThat(page.get("reset").asBoolean()).isFalse();
        assertThat(page.get("changes")).hasSize(1);
        JsonNode change = page.get("changes").get(0);
        assertThat(change.get("token").asLong()).isEqualTo(token);
        assertThat(change.get("kind").asString()).isEqualTo("added");
        assertThat(change.get("itemId").asString()).isEqualTo(probe.get("newTrack").asString());
        assertThat(page.get("syncToken").asLong()).isGreaterThanOrEqualTo(token);
    }

    /**
     * Fields the pages gained after e121c64 (issue 16: popularity; issue 19: the account's plan), which the old
     * build could not answer.
     */
    /** Fields answers gained since the old build; {@code isrc} only in track summaries, so both sides drop it. */
    private static final List<String> ADDED_SINCE = List.of("popularity", "monthlyListeners", "plan", "isrc");

    private static JsonNode withoutFieldsAddedSince(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ADDED_SINCE.forEach(object::remove);
        }
        node.forEach(LegacyDatabaseTest::strip);
    }

    // ---- the old database ------------------------------------------------------------------------------------

    /** Empties what the old migrations made and loads the dump, with every sequence where the old build left it. */
    private void restore(Connection db) throws SQLException, IOException {
        db.setAutoCommit(false);
        List<String[]> tables = new ArrayList<>();
        for (String line : lines(resource("dump/tables.tsv"))) {
            tables.add(line.split("\t"));
        }
        List<String> names = tables.stream().map(t -> t[0]).toList();
        assertThat(strings(db, """
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'"""))
                .as("the old migrations make the tables of the dump").containsExactlyInAnyOrderElementsOf(names);
        try (Statement s = db.createStatement()) {
            s.execute("truncate " + String.join(", ", names));
        }
        for (String[] table : tables) {
            try (Statement s = db.createStatement();
                 InputStream rows = new GZIPInputStream(resource("dump/" + table[0] + ".copy.gz"))) {
                // the event table's trigger would draw new global indexes: rows keep the ones they had
                s.execute("alter table " + table[0] + " disable trigger user");
                db.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + table[0] + " (" + table[1] + ") from stdin", rows);
                s.execute("alter table " + table[0] + " enable trigger user");
            }
        }
        for (String line : lines(resource("dump/sequences.tsv"))) {
            String[] sequence = line.split("\t");
            try (PreparedStatement s = db.prepareStatement("select setval(?::regclass, ?, ?)")) {
                s.setString(1, sequence[0]);
                s.setLong(2, Long.parseLong(sequence[1]));
                s.setBoolean(3, Boolean.parseBoolean(sequence[2]));
                s.execute();
            }
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private static List<List<String>> history(Connection db) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select installed_rank, version, description, type, script, checksum, installed_by, installed_on,
                       execution_time, success
                from flyway_schema_history order by installed_rank""")) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= 10; column++) {
                    row.add(rs.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    // ---- the application on it -------------------------------------------------------------------------------

    /** The application class of the shared context, wherever it lives. */
    private Class<?> applicationClass() {
        String[] names = shared.getBeanNamesForAnnotation(SpringBootApplication.class);
        assertThat(names).hasSize(1);
        return ClassUtils.getUserClass(shared.getType(names[0]));
    }

    /**
     * The old database; the test run's Kafka, Elasticsearch and Redis, touched no more than the old data needs:
     * no Kafka listeners, no rate-limit buckets, nothing pruned for age, and the old admin account.
     */
    private String[] arguments() {
        Map<String, String> args = new HashMap<>();
        args.put("spring.datasource.url", url);
        args.put("spring.datasource.username", dbUser());
        args.put("spring.datasource.password", dbPassword());
        for (String service : List.of("spring.kafka.bootstrap-servers", "music.elasticsearch.url",
                "spring.data.redis.url", "spring.data.redis.host", "spring.data.redis.port",
                "spring.data.redis.password")) {
            if (env.containsProperty(service)) {
                args.put(service, env.getProperty(service));
            }
        }
        args.put("server.port", "0");
        args.put("spring.kafka.listener.auto-startup", "false");
        args.put("music.admin.username", expected.get("admin").asString());
        args.put("music.admin.password", password(expected.get("admin").asString()));
        args.put("music.admin.generate-password", "false");
        args.put("music.billing.webhook-secret", "legacy-test-billing-webhook-secret-0123");
        args.put("music.demo-catalog.enabled", "false");
        args.put("music.rate-limits.enabled", "false");
        args.put("music.sync.retention", "P36500D");
        args.put("music.idempotency.retention", "P36500D");
        return args.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private ApiClient signedIn(String username) {
        return sessions.computeIfAbsent(username, name -> legacyApi.loggedIn(name, password(name)));
    }

    private String password(String username) {
        for (JsonNode user : expected.get("users")) {
            if (user.get("username").asString().equals(username)) {
                return user.get("password").asString();
            }
        }
        throw new IllegalArgumentException("no user " + username + " in the fixture");
    }

    // ---- small helpers ---------------------------------------------------------------------------------------

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, dbUser(), dbPassword());
    }

    private String dbUser() {
        return env.getProperty("spring.datasource.username");
    }

    private String dbPassword() {
        return env.getProperty("spring.datasource.password", "");
    }

    private static InputStream resource(String name) {
        InputStream in = LegacyDatabaseTest.class.getClassLoader().getResourceAsStream(FIXTURE + name);
        if (in == null) {
            throw new IllegalStateException("fixture file missing: " + FIXTURE + name);
        }
        return in;
    }

    private static List<String> lines(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
