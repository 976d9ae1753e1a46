package io.musicstream.infra.hostile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends requests exactly as given: an already encoded path and query, any method, any bytes as body, any
 * content type. Server-sent event streams are closed as soon as their headers arrive.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    RawHttp(String base) {
        this.base = base;
    }

    /** What was sent; {@code pathAndQuery} is sent as is (already percent-encoded). */
    record Sent(String method, String pathAndQuery, String contentType, byte[] body, String token,
                Map<String, String> headers) {

        Sent(String method, String pathAndQuery, String contentType, byte[] body, String token) {
            this(method, pathAndQuery, contentType, body, token, Map.of());
        }

        Sent withToken(String bearer) {
            return new Sent(method, pathAndQuery, contentType, body, bearer, headers);
        }

        Sent withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Sent(method, pathAndQuery, contentType, body, token, more);
        }

        /** A readable one-line description for failure messages (body shortened, control bytes escaped). */
        String describe() {
            String shown = body == null ? "" : " body(" + body.length + " bytes, " + contentType + ")="
                    + escape(new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8));
            String path = pathAndQuery.length() > 200 ? pathAndQuery.substring(0, 200) + "...(" + pathAndQuery.length()
                    + " chars)" : pathAndQuery;
            return method + " " + path + (headers.isEmpty() ? "" : " headers=" + headers) + shown;
        }
    }

    record Received(int status, String contentType, String body) {

        boolean isProblem() {
            if (!contentType.startsWith("application/problem+json")) {
                return false;
            }
            try {
                JsonNode problem = JSON.readTree(body);
                return problem.path("status").asInt() == status && problem.hasNonNull("title");
            } catch (JacksonException e) {
                return false;
            }
        }

        String describe() {
            return status + " " + (contentType.isEmpty() ? "(no content type)" : contentType) + " "
                    + escape(body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    Received send(Sent sent) {
        HttpRequest.BodyPublisher publisher = sent.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(sent.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + sent.pathAndQuery()))
                .timeout(Duration.ofSeconds(30)).method(sent.method(), publisher);
        if (!sent.headers().containsKey("Accept")) {
            request.header("Accept", "application/json, application/problem+json");
        }
        sent.headers().forEach(request::header);
        if (sent.contentType() != null) {
            request.header("Content-Type", sent.contentType());
        }
        if (sent.token() != null) {
            request.header("Authorization", "Bearer " + sent.token());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                // a push stream never ends: its status and headers are the answer
                String body = contentType.startsWith("text/event-stream") ? ""
                        : new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
                return new Received(response.statusCode(), contentType, body);
            }
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + sent.describe() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == 0xfffd) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
