package io.musicstream.infra.testservers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * In tests, when a Docker engine answers, runs the four servers as Testcontainers (the images of
 * docker-compose.yml) instead of dev services; they start once per JVM. Without Docker (the project's own
 * machines) it does nothing and dev services start the servers from Maven Central artifacts.
 */
public class ContainerServicesEnvironment implements EnvironmentPostProcessor, Ordered {

    private static Map<String, Object> properties;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 2;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("music.dev-services.enabled", Boolean.class, false)
                || env.containsProperty("spring.datasource.url") || !dockerAnswers()) {
            return;
        }
        env.getPropertySources().addFirst(new MapPropertySource("music-test-containers", start()));
    }

    private static boolean dockerAnswers() {
        boolean socket = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        return socket && DockerClientFactory.instance().isDockerAvailable();
    }

    private static synchronized Map<String, Object> start() {
        if (properties != null) {
            return properties;
        }
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18").withDatabaseName("music");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
                "docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
                .withEnv("xpack.security.enabled", "false").withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
        CompletableFuture.allOf(List.of(postgres, kafka, elasticsearch, redis).stream()
                .map(c -> CompletableFuture.runAsync(c::start)).toArray(CompletableFuture[]::new)).join();
        Map<String, Object> started = new HashMap<>();
        started.put("spring.datasource.url", postgres.getJdbcUrl());
        started.put("spring.datasource.username", postgres.getUsername());
        started.put("spring.datasource.password", postgres.getPassword());
        started.put("spring.kafka.bootstrap-servers", kafka.getBootstrapServers());
        started.put("music.elasticsearch.url", "http://" + elasticsearch.getHttpHostAddress());
        started.put("spring.data.redis.url", "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
        properties = started;
        return properties;
    }
}
