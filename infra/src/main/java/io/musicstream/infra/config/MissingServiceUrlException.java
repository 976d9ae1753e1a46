package io.musicstream.infra.config;

import io.musicstream.infra.devservices.Service;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A start without dev services whose configuration lacks the URL of one or more servers. */
public class MissingServiceUrlException extends IllegalStateException {

    private final List<String> variables;

    MissingServiceUrlException(Set<Service> missing) {
        super(message(missing));
        this.variables = missing.stream().map(MissingServiceUrlException::variable).toList();
    }

    /** The environment variables that would give the missing URLs. */
    public List<String> variables() {
        return variables;
    }

    static String variable(Service service) {
        return switch (service) {
            case POSTGRES -> "SPRING_DATASOURCE_URL";
            case KAFKA -> "SPRING_KAFKA_BOOTSTRAP_SERVERS";
            case ELASTICSEARCH -> "MUSIC_ELASTICSEARCH_URL";
            case REDIS -> "SPRING_DATA_REDIS_URL";
        };
    }

    private static String message(Set<Service> missing) {
        return "No URL configured for " + missing.stream().map(Service::displayName).collect(Collectors.joining(", "))
                + ": set " + missing.stream().map(MissingServiceUrlException::variable)
                .collect(Collectors.joining(", "))
                + " (dev services, which start local servers, run only with music.dev-services.enabled=true)";
    }
}
