package io.musicstream.infra;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for driving the real server in tests and benchmarks. */
public final class ApiClient {

    public record Response(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String token;

    public ApiClient(String base) {
        this(base, null);
    }

    private ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public ApiClient withToken(String bearer) {
        return new ApiClient(base, bearer);
    }

    public ApiClient loggedIn(String username, String password) {
        Response login = post("/api/v1/auth/login", Map.of("username", username, "password", password));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        return withToken(login.json().get("token").asText());
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response getWithHeader(String path, String name, String value) {
        return send(request(path).setHeader(name, value).GET().build());
    }

    public Response get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET().build());
    }

    public Response post(String path, Object body) {
        return postRaw(path, body instanceof String s ? s : json(body), "application/json");
    }

    public Response postRaw(String path, String body, String contentType) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** The bearer token this client sends, or {@code null}. */
    public String token() {
        return token;
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Any method, with a JSON body (or none) and extra headers such as {@code Idempotency-Key}. */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
