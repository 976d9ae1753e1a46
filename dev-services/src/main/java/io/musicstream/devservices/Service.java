package io.musicstream.devservices;

/** A server that {@link DevServices} can start on loopback. */
public enum Service {
    POSTGRES("PostgreSQL", "postgres"),
    KAFKA("Kafka", "kafka"),
    ELASTICSEARCH("Elasticsearch", "elasticsearch"),
    REDIS("Redis", "redis");

    private final String displayName;
    private final String dirName;

    Service(String displayName, String dirName) {
        this.displayName = displayName;
        this.dirName = dirName;
    }

    /** Human readable name, used in log lines and error messages. */
    public String displayName() {
        return displayName;
    }

    /** Name of the service's directory under the run directory. */
    public String dirName() {
        return dirName;
    }
}
