package io.musicstream.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    /** An answer's body: the first {@code length} bytes of a buffer that the calling thread's next request reuses. */
    record Body(byte[] buffer, int length) {
    }

    /** Per client thread: copying each answer into a fresh array was a quarter of all the benchmark's garbage. */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    /** The answer's body; a status other than 2xx is an {@link IllegalStateException} naming the request. */
    byte[] send(String method, String path, String bearer, String jsonBody) {
        Body body = exchange(method, path, bearer, jsonBody);
        return Arrays.copyOf(body.buffer(), body.length());
    }

    /** As {@link #send}, the body left in this thread's buffer: valid until the thread's next request. */
    Body exchange(String method, String path, String bearer, String jsonBody) {
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
                Body body = in == null ? new Body(new byte[0], 0) : readAll(in);
                if (!success) {
                    throw new IllegalStateException(method + " " + path + ": " + status + " "
                            + new String(body.buffer(), 0, body.length(), StandardCharsets.UTF_8));
                }
                return body;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        }
    }

    private static Body readAll(InputStream in) throws IOException {
        byte[] buffer = BUFFERS.get();
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
                BUFFERS.set(buffer);
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                return new Body(buffer, length);
            }
            length += n;
        }
    }
}
