package io.musicstream.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Starts the real servers (no mocks): PostgreSQL, Kafka, Elasticsearch and Redis, on free loopback ports, with data
 * under {@code <repo>/.run/devservices-it}. Needs this module's build output (dev-services/target/devservices).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DevServicesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static DevServicesSettings settings;

    @BeforeAll
    static void chooseFreePortsAndRunDir() {
        Path runDir = repositoryRoot().resolve(".run").resolve("devservices-it");
        settings = new DevServicesSettings(runDir, freePort(0), freePort(1), freePort(100), freePort(0), true,
                EnumSet.allOf(Service.class));
    }

    @Test
    @Order(1)
    void startsAllFourServersThatServeRealTrafficAndFreesTheirPortsOnClose() throws Exception {
        try (DevServices services = DevServices.start(settings)) {
            assertEquals("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/music", services.jdbcUrl());
            assertEquals("127.0.0.1:" + settings.kafkaPort(), services.kafkaBootstrapServers());
            assertEquals("http://127.0.0.1:" + settings.elasticsearchPort(), services.elasticsearchUrl());
            assertEquals("redis://127.0.0.1:" + settings.redisPort(), services.redisUrl());

            assertPostgresAnswers(services);
            assertKafkaDeliversARecord(services);
            assertElasticsearchIndexesAndFinds(services);
            assertRedisStoresAndReturns(services, "devservices-it", "hello");
        }
        assertPortsFree();
    }

    @Test
    @Order(2)
    void startsAgainOnTheSameDirectoryWhileACrashedRunsServersAreStillAlive() throws Exception {
        DevServices crashed = DevServices.start(settings);
        try (Connection c = connect(crashed); Statement st = c.createStatement()) {
            st.execute("create table survivor (id int primary key)");
            st.execute("insert into survivor values (42)");
        }
        crashed.abandonWithoutStopping(); // as if the JVM had been SIGKILLed: the servers keep running
        assertFalse(isFree(settings.postgresPort()), "the crashed run's PostgreSQL should still be listening");
        assertFalse(isFree(settings.elasticsearchPort()), "the crashed run's Elasticsearch should still be listening");

        try (DevServices services = DevServices.start(settings.withFresh(false))) {
            assertPostgresAnswers(services);
            try (Connection c = connect(services); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select id from survivor")) {
                assertTrue(rs.next(), "data written before the crash survives a non-fresh restart");
                assertEquals(42, rs.getInt(1));
            }
            assertKafkaDeliversARecord(services);
            assertElasticsearchIndexesAndFinds(services);
            assertRedisStoresAndReturns(services, "after-crash", "still-here");
        }
        assertPortsFree();
    }

    // ------------------------------------------------------------------------------------------ checks

    private static Connection connect(DevServices services) throws SQLException {
        return DriverManager.getConnection(services.jdbcUrl(), services.jdbcUsername(), services.jdbcPassword());
    }

    private static void assertPostgresAnswers(DevServices services) throws SQLException {
        try (Connection c = connect(services); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select 1, current_database(), current_setting('server_version_num')")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertEquals("music", rs.getString(2));
            assertTrue(rs.getInt(3) >= 180000, "PostgreSQL 18, got " + rs.getInt(3));
        }
        try (Connection c = connect(services); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select (select setting::bigint * 8 / 1024 from pg_settings "
                     + "where name = 'shared_buffers') || 'MB', (select count(*) from pg_stat_statements)")) {
            assertTrue(rs.next());
            assertEquals(PostgresDevServer.memorySettings(PostgresDevServer.physicalMemoryBytes()).get(1),
                    "shared_buffers=" + rs.getString(1), "shared buffers sized to the machine");
            assertTrue(rs.getLong(2) > 0, "pg_stat_statements records statements");
        }
    }

    private static void assertKafkaDeliversARecord(DevServices services) throws Exception {
        String topic = "devservices-it-" + System.nanoTime();
        String value = "played track " + ThreadLocalRandom.current().nextInt();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrapServers());
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, 0, "key", value)).get(60, TimeUnit.SECONDS);
        }
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrapServers());
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(r.value());
                }
                if (seen.contains(value)) {
                    return;
                }
            }
            fail("Kafka did not deliver the record back; saw " + seen);
        }
    }

    private static void assertElasticsearchIndexesAndFinds(DevServices services) throws Exception {
        String base = services.elasticsearchUrl();
        String index = "devservices-it-" + System.nanoTime();
        HttpResponse<String> created = send("PUT", base + "/" + index,
                "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
                        + "\"mappings\":{\"properties\":{\"title\":{\"type\":\"text\"}}}}");
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> indexed = send("PUT", base + "/" + index + "/_doc/1?refresh=true",
                "{\"title\":\"Blue in Green\"}");
        assertEquals(201, indexed.statusCode(), indexed.body());
        HttpResponse<String> found = send("POST", base + "/" + index + "/_search",
                "{\"query\":{\"match\":{\"title\":\"green\"}}}");
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains("\"total\":{\"value\":1"), found.body());
        assertTrue(found.body().contains("Blue in Green"), found.body());
    }

    private static HttpResponse<String> send(String method, String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRedisStoresAndReturns(DevServices services, String key, String value)
            throws IOException {
        URI uri = URI.create(services.redisUrl());
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(resp("SET", key, value));
            out.flush();
            assertEquals("+OK\r\n", readReply(in));
            out.write(resp("GET", key));
            out.flush();
            assertEquals("$" + value.length() + "\r\n" + value + "\r\n", readReply(in));
        }
    }

    private static byte[] resp(String... parts) {
        StringBuilder sb = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String p : parts) {
            sb.append('$').append(p.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(p).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A simple-string reply (one line) or a bulk reply (two lines). */
    private static String readReply(InputStream in) throws IOException {
        String first = readLine(in);
        if (first.startsWith("$") && !first.equals("$-1\r\n")) {
            return first + readLine(in);
        }
        return first;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ ports

    private static void assertPortsFree() {
        Map<String, Integer> ports = Map.of(
                "PostgreSQL", settings.postgresPort(),
                "Kafka", settings.kafkaPort(),
                "Kafka controller", settings.kafkaControllerPort(),
                "Elasticsearch HTTP", settings.elasticsearchPort(),
                "Elasticsearch transport", settings.elasticsearchTransportPort(),
                "Redis", settings.redisPort());
        ports.forEach((what, port) -> assertTrue(isFree(port), what + " port " + port + " still in use after close()"));
    }

    private static boolean isFree(int port) {
        return Processes.isFree(port);
    }

    /** A port p (outside the ephemeral range) with p + derivedOffset also free, and not handed out before. */
    private static final List<Integer> TAKEN = new ArrayList<>();

    private static int freePort(int derivedOffset) {
        int start = 20000 + ThreadLocalRandom.current().nextInt(10000);
        for (int i = 0; i < 10000; i++) {
            int p = 20000 + (start - 20000 + i * 7) % 10000;
            if (TAKEN.contains(p) || TAKEN.contains(p + derivedOffset) || TAKEN.contains(p + 1)) {
                continue;
            }
            if (isFree(p) && isFree(p + derivedOffset) && (derivedOffset == 0 || isFree(p + 1))) {
                TAKEN.add(p);
                TAKEN.add(p + derivedOffset);
                return p;
            }
        }
        throw new IllegalStateException("no free port found");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("dev-services")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        return dir;
    }
}
