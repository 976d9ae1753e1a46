package io.musicstream.infra.web;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/** How the API says what is wrong with a JSON body, in problems and in catalog import errors. */
public final class JsonErrors {

    private static final int REASON_LIMIT = 300;

    private JsonErrors() {
    }

    /** {@code field 'tracks[0].durationMs': <reason>}, or {@code malformed JSON: <reason>} when no field is at fault. */
    public static String describe(JacksonException e) {
        String path = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "malformed JSON: " + reason(e) : "field '" + path + "': " + reason(e);
    }

    /** The first line of the parser's message, cut at 300 characters. */
    public static String reason(JacksonException e) {
        String reason = e.getOriginalMessage();
        reason = reason == null ? "" : reason.lines().findFirst().orElse("");
        return reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) + "..." : reason;
    }
}
