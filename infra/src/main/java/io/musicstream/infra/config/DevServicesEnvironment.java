package io.musicstream.infra.config;

import io.musicstream.infra.devservices.DevServices;
import io.musicstream.infra.devservices.DevServicesSettings;
import io.musicstream.infra.devservices.Service;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code music.dev-services.enabled=true} ({@code make run}, the tests, the benchmarks), starts PostgreSQL,
 * Kafka, Elasticsearch and Redis on loopback for each of them that is not configured (spring.datasource.url,
 * spring.kafka.bootstrap-servers, music.elasticsearch.url, spring.data.redis.url / host), before the application
 * context needs them. They are started once per JVM: every Spring context of a test run shares them, and they
 * stop when the JVM exits. Without dev services (the default) a missing service URL stops the start-up, naming
 * the environment variables to set, rather than falling back to a server on localhost.
 */
public class DevServicesEnvironment implements EnvironmentPostProcessor, Ordered {

    private static DevServices running;
    private static Set<Service> runningServices = EnumSet.noneOf(Service.class);

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Set<Service> wanted = missing(env);
        if (!env.getProperty("music.dev-services.enabled", Boolean.class, false)) {
            if (!wanted.isEmpty()) {
                throw new MissingServiceUrlException(wanted);
            }
            return;
        }
        if (wanted.isEmpty()) {
            return;
        }
        DevServices services = start(env, wanted);
        Map<String, Object> properties = new HashMap<>();
        if (wanted.contains(Service.POSTGRES)) {
            properties.put("spring.datasource.url", services.jdbcUrl());
            properties.put("spring.datasource.username", services.jdbcUsername());
            properties.put("spring.datasource.password", services.jdbcPassword());
        }
        if (wanted.contains(Service.KAFKA)) {
            properties.put("spring.kafka.bootstrap-servers", services.kafkaBootstrapServers());
        }
        if (wanted.contains(Service.ELASTICSEARCH)) {
            properties.put("music.elasticsearch.url", services.elasticsearchUrl());
        }
        if (wanted.contains(Service.REDIS)) {
            properties.put("spring.data.redis.url", services.redisUrl());
        }
        env.getPropertySources().addFirst(new MapPropertySource("music-dev-services", properties));
    }

    /** The services whose URL the configuration does not give. */
    static Set<Service> missing(ConfigurableEnvironment env) {
        Set<Service> wanted = EnumSet.noneOf(Service.class);
        if (!env.containsProperty("spring.datasource.url")) {
            wanted.add(Service.POSTGRES);
        }
        if (!env.containsProperty("spring.kafka.bootstrap-servers")) {
            wanted.add(Service.KAFKA);
        }
        if (!env.containsProperty("music.elasticsearch.url")) {
            wanted.add(Service.ELASTICSEARCH);
        }
        if (!env.containsProperty("spring.data.redis.url") && !env.containsProperty("spring.data.redis.host")) {
            wanted.add(Service.REDIS);
        }
        return wanted;
    }

    private static synchronized DevServices start(ConfigurableEnvironment env, Set<Service> wanted) {
        if (running != null && runningServices.containsAll(wanted)) {
            return running;
        }
        if (running != null) {
            running.close();
        }
        Path dir = Path.of(env.getProperty("music.dev-services.dir", ".run/dev")).toAbsolutePath().normalize();
        DevServicesSettings settings = new DevServicesSettings(dir,
                env.getProperty("music.dev-services.postgres-port", Integer.class, 15432),
                env.getProperty("music.dev-services.kafka-port", Integer.class, 19092),
                env.getProperty("music.dev-services.elasticsearch-port", Integer.class, 19200),
                env.getProperty("music.dev-services.redis-port", Integer.class, 16379),
                env.getProperty("music.dev-services.fresh", Boolean.class, false),
                wanted);
        running = DevServices.start(settings);
        runningServices = EnumSet.copyOf(wanted);
        return running;
    }
}
