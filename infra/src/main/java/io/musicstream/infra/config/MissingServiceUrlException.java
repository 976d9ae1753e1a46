package io.musicstream.infra.config;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A start whose configuration lacks the URL of one or more servers. */
public class MissingServiceUrlException extends IllegalStateException {

    private final List<String> variables;

    MissingServiceUrlException(Set<RequiredService> missing) {
        super("No URL configured for " + missing.stream().map(RequiredService::displayName)
                .collect(Collectors.joining(", "))
                + ": set " + missing.stream().map(RequiredService::variable).collect(Collectors.joining(", ")));
        this.variables = missing.stream().map(RequiredService::variable).toList();
    }

    /** The environment variables that would give the missing URLs. */
    public List<String> variables() {
        return variables;
    }
}
