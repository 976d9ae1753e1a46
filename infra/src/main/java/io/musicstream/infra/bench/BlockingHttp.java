package io.musicstream.infra.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 client for timing requests: the calling thread writes the request and reads the whole
 * answer itself, on a kept-alive connection. The JDK's {@code HttpClient} hands each answer from its selector
 * thread to a worker and then to the caller; on two shared cores those wake-ups showed up in the tail as if
 * they were the server's.
 */
final class BlockingHttp {

    static {
        // connections kept alive per server (default 5): every benchmark client thread keeps its own
        System.setProperty("http.maxConnections", "64");
    }

    private final String base;

    /** @param base where paths start, such as {@code http://127.0.0.1:8080/api/v1} */
    BlockingHttp(String base) {
        this.base = base;
    }

    /** The answer's body; a status other than 2xx is an {@link IllegalStateException} naming the request. */
    byte[] send(String method, String path, String bearer, String jsonBody) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(60_000);
            if (bearer != null) {
                connection.setRequestProperty("Authorization", "Bearer " + bearer);
            }
            if (jsonBody != null) {
                byte[] bytes = jsonBody.getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            boolean success = status / 100 == 2;
            // reading each answer to its end (and closing the stream) returns the connection for reuse
            try (InputStream in = success ? connection.getInputStream() : connection.getErrorStream()) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                if (!success) {
                    throw new IllegalStateException(method + " " + path + ": " + status + " "
                            + new String(body, StandardCharsets.UTF_8));
                }
                return body;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }
}
