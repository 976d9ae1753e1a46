package io.musicstream.devservices;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link DevServices#start(DevServicesSettings)} starts, where it keeps the data and on which loopback ports.
 *
 * @param runDir            data of this run, e.g. {@code <repo>/.run/dev} or {@code <repo>/.run/test}; one directory per
 *                          service below it; binaries are extracted once into the sibling {@code ../dist}
 * @param postgresPort      PostgreSQL port
 * @param kafkaPort         Kafka broker port; the KRaft controller listens on {@code kafkaPort + 1}
 * @param elasticsearchPort Elasticsearch HTTP port; the transport listens on {@code elasticsearchPort + 100}
 * @param redisPort         Redis port
 * @param fresh             wipe the services' data first (tests) and trade durability for speed; binaries are kept
 * @param services          which services to start
 */
public record DevServicesSettings(Path runDir, int postgresPort, int kafkaPort, int elasticsearchPort, int redisPort,
                                  boolean fresh, Set<Service> services) {

    public static final int DEFAULT_POSTGRES_PORT = 5432;
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_ELASTICSEARCH_PORT = 9200;
    public static final int DEFAULT_REDIS_PORT = 6379;

    public DevServicesSettings {
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(services, "services");
        runDir = runDir.toAbsolutePath().normalize();
        if (runDir.getParent() == null) {
            throw new IllegalArgumentException("runDir must not be the file system root");
        }
        services = services.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Service.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(services));

        Map<Integer, String> used = new LinkedHashMap<>();
        if (services.contains(Service.POSTGRES)) {
            claim(used, postgresPort, "PostgreSQL");
        }
        if (services.contains(Service.KAFKA)) {
            claim(used, kafkaPort, "Kafka");
            claim(used, kafkaPort + 1, "Kafka controller (kafkaPort + 1)");
        }
        if (services.contains(Service.ELASTICSEARCH)) {
            claim(used, elasticsearchPort, "Elasticsearch HTTP");
            claim(used, elasticsearchPort + 100, "Elasticsearch transport (elasticsearchPort + 100)");
        }
        if (services.contains(Service.REDIS)) {
            claim(used, redisPort, "Redis");
        }
    }

    /** All four services on the usual ports. */
    public static DevServicesSettings defaults(Path runDir, boolean fresh) {
        return new DevServicesSettings(runDir, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT, DEFAULT_ELASTICSEARCH_PORT,
                DEFAULT_REDIS_PORT, fresh, EnumSet.allOf(Service.class));
    }

    /** Port of the KRaft controller listener. */
    public int kafkaControllerPort() {
        return kafkaPort + 1;
    }

    /** Port of the Elasticsearch transport (node-to-node) listener. */
    public int elasticsearchTransportPort() {
        return elasticsearchPort + 100;
    }

    /** Shared binaries, next to the run directory, e.g. {@code <repo>/.run/dist}. */
    public Path distDir() {
        return runDir.getParent().resolve("dist");
    }

    public DevServicesSettings withFresh(boolean fresh) {
        return new DevServicesSettings(runDir, postgresPort, kafkaPort, elasticsearchPort, redisPort, fresh, services);
    }

    public DevServicesSettings withServices(Set<Service> services) {
        return new DevServicesSettings(runDir, postgresPort, kafkaPort, elasticsearchPort, redisPort, fresh, services);
    }

    private static void claim(Map<Integer, String> used, int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " for " + what + " is out of range 1..65535");
        }
        String previous = used.putIfAbsent(port, what);
        if (previous != null) {
            throw new IllegalArgumentException("Port " + port + " is configured for both " + previous + " and " + what);
        }
    }
}
