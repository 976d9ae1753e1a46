package io.musicstream.infra.config;

import org.springframework.core.env.Environment;

/** A server the service cannot run without, and the configuration that gives its URL. */
enum RequiredService {
    POSTGRES("PostgreSQL", "SPRING_DATASOURCE_URL", "spring.datasource.url"),
    KAFKA("Kafka", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "spring.kafka.bootstrap-servers"),
    ELASTICSEARCH("Elasticsearch", "MUSIC_ELASTICSEARCH_URL", "music.elasticsearch.url"),
    REDIS("Redis", "SPRING_DATA_REDIS_URL", "spring.data.redis.url", "spring.data.redis.host");

    private final String displayName;
    private final String variable;
    private final String[] properties;

    RequiredService(String displayName, String variable, String... properties) {
        this.displayName = displayName;
        this.variable = variable;
        this.properties = properties;
    }

    String displayName() {
        return displayName;
    }

    /** The environment variable that gives the URL. */
    String variable() {
        return variable;
    }

    boolean isConfigured(Environment env) {
        for (String property : properties) {
            if (env.containsProperty(property)) {
                return true;
            }
        }
        return false;
    }
}
