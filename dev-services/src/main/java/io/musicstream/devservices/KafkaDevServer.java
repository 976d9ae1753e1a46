package io.musicstream.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Kafka 4 in KRaft combined mode (broker + controller, node 1) as a child JVM on the classpath the build wrote to
 * {@code kafka.classpath}. The controller quorum is static ({@code controller.quorum.voters}), so the storage is
 * formatted without {@code --standalone} and keeps working when the ports change between runs.
 */
final class KafkaDevServer extends DevServer {

    private final int port;
    private final int controllerPort;
    private final Path data;
    private final Path serverProperties;
    private final Path logbackXml;
    private final Path logFile;

    KafkaDevServer(DevServicesContext ctx) {
        super(ctx, Service.KAFKA);
        this.port = ctx.settings.kafkaPort();
        this.controllerPort = ctx.settings.kafkaControllerPort();
        this.data = dir.resolve("data");
        this.serverProperties = dir.resolve("server.properties");
        this.logbackXml = dir.resolve("logback.xml");
        this.logFile = dir.resolve("kafka.log");
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    void start(long deadlineNanos) {
        String classpath = readClasspath();
        prepareDir();
        requireFree(Map.of(port, "Kafka broker", controllerPort, "Kafka controller"));
        write(serverProperties, serverProperties());
        write(logbackXml, LOGBACK);
        Processes.rotate(logFile);

        if (!Files.isRegularFile(data.resolve("meta.properties"))) {
            Processes.deleteTree(data);
            Processes.run("Kafka storage format", javaCommand(List.of("kafka.tools.StorageTool", "format",
                            "--ignore-formatted", "-t", newClusterId(), "-c", serverProperties.toString())),
                    Map.of("CLASSPATH", classpath), dir, logFile, remaining(deadlineNanos));
        }

        Process process = Processes.launch(command(javaCommand(List.of("kafka.Kafka", serverProperties.toString()))),
                Map.of("CLASSPATH", classpath), dir, logFile);
        Processes.writePid(pidFile(), process.pid());

        awaitReady(deadlineNanos, process, () -> Processes.isListening(port), logFile);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "devservices-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(props)) {
            awaitReady(deadlineNanos, process, () -> {
                Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                        .nodes().get(6, TimeUnit.SECONDS);
                return !nodes.isEmpty();
            }, logFile);
        }
    }

    private String readClasspath() {
        Path file = ctx.artifacts.kafkaClasspathFile();
        try {
            String cp = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!cp.contains("kafka_2.13")) {
                throw new DevServicesException(file + " does not list the kafka_2.13 jar");
            }
            return cp;
        } catch (IOException e) {
            throw new DevServicesException("Could not read " + file, e);
        }
    }

    private List<String> javaCommand(List<String> mainAndArgs) {
        List<String> cmd = list(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                "-Dlogback.configurationFile=" + logbackXml,
                "-Dkafka.logs.dir=" + dir);
        cmd.addAll(mainAndArgs);
        ctx.host.createDirectories(dir.resolve("tmp"));
        return cmd;
    }

    private String serverProperties() {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        return String.join("\n",
                "# Written by the dev services launcher on every start; edits are lost.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                "delete.topic.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "log.retention.hours=168",
                "log.segment.bytes=67108864",
                "") + "\n";
    }

    /** A random id; one starting with '-' would be read as an option by the storage tool (as Kafka's own ids avoid). */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    @Override
    void stop() {
        Processes.terminate(ourProcesses(), stopGrace(Duration.ofSeconds(30)), "Kafka");
    }

    @Override
    protected boolean isOurs(List<String> cmd) {
        return cmd.contains("kafka.Kafka") && cmd.contains(serverProperties.toString());
    }

    private static final String LOGBACK = """
            <configuration>
              <statusListener class="ch.qos.logback.core.status.NopStatusListener"/>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.request.logger" level="WARN"/>
              <logger name="state.change.logger" level="WARN"/>
              <logger name="org.apache.kafka.clients" level="WARN"/>
              <logger name="org.apache.kafka.common.config.AbstractConfig" level="WARN"/>
              <logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
              <root level="INFO"><appender-ref ref="OUT"/></root>
            </configuration>
            """;
}
