package io.musicstream.infra.testservers;

import io.musicstream.devservices.DevServices;
import io.musicstream.devservices.DevServicesMain;
import io.musicstream.devservices.DevServicesSettings;
import io.musicstream.devservices.Service;
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
 * In tests ({@code music.dev-services.enabled=true}, set by surefire), starts PostgreSQL, Kafka, Elasticsearch and
 * Redis from the dev-services module for each of them the configuration does not give. They start once per JVM:
 * every Spring context of a test run shares them, and they stop when the JVM exits.
 */
public class DevServicesEnvironment implements EnvironmentPostProcessor, Ordered {

    private static DevServices running;
    private static Set<Service> runningServices = EnumSet.noneOf(Service.class);

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("music.dev-services.enabled", Boolean.class, false)) {
            return;
        }
        Set<Service> wanted = missing(env);
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        DevServicesMain.properties(start(env, wanted)).forEach((property, value) -> {
            if (wanted.contains(serviceOf(property))) {
                properties.put(property, value);
            }
        });
        env.getPropertySources().addFirst(new MapPropertySource("music-dev-services", properties));
    }

    private static Service serviceOf(String property) {
        return property.startsWith("spring.datasource.") ? Service.POSTGRES
                : property.startsWith("spring.kafka.") ? Service.KAFKA
                : property.startsWith("spring.data.redis.") ? Service.REDIS
                : Service.ELASTICSEARCH;
    }

    private static Set<Service> missing(ConfigurableEnvironment env) {
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
        Path dir = Path.of(env.getProperty("music.dev-services.dir", ".run/test")).toAbsolutePath().normalize();
        DevServicesSettings settings = new DevServicesSettings(dir,
                env.getRequiredProperty("music.dev-services.postgres-port", Integer.class),
                env.getRequiredProperty("music.dev-services.kafka-port", Integer.class),
                env.getRequiredProperty("music.dev-services.elasticsearch-port", Integer.class),
                env.getRequiredProperty("music.dev-services.redis-port", Integer.class),
                env.getProperty("music.dev-services.fresh", Boolean.class, false),
                wanted);
        running = DevServices.start(settings);
        runningServices = EnumSet.copyOf(wanted);
        return running;
    }
}
