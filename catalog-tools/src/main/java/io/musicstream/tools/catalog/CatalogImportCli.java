package io.musicstream.tools.catalog;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a catalog file (format: docs/catalog-import.md) to a running server's
 * {@code POST /api/v1/catalog/imports}, streaming it from disk, and prints the server's NDJSON progress
 * lines on standard output as they arrive (a one-line summary goes to standard error). It logs in with
 * {@code java.net.http}, but sends the file with {@link DuplexHttp}, which reads the answer while it sends.
 *
 * <pre>
 * java -Dloader.main=io.musicstream.tools.catalog.CatalogImportCli -jar catalog-tools/target/catalog-tools-exec.jar \
 *     --file=.run/catalog-1m.jsonl \
 *     [--url=http://localhost:8080] [--user=admin] [--password=...] [--token=BEARER]
 * </pre>
 * User and password default to {@code MUSIC_ADMIN_USERNAME} / {@code MUSIC_ADMIN_PASSWORD} (else
 * {@code admin} and the password {@code make run} generated into {@code .run/dev/admin-password}), as the
 * server's admin account does; {@code --token} skips the
 * login. {@code --file=-} reads standard input. Exit status: 0 when every line was imported, 2 when some
 * lines were refused, 1 when the import did not finish.
 */
public final class CatalogImportCli {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IMPORTS_PATH = "/api/v1/catalog/imports";
    private static final String NDJSON = "application/x-ndjson";

    private CatalogImportCli() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    /** What {@code make run} generated for the admin, or {@code null}. */
    private static String generatedAdminPassword() {
        Path file = Path.of(".run/dev/admin-password");
        try {
            return Files.isReadable(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs the command line, printing progress lines to {@code out} and the rest to {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        String url = arg(args, "--url=", "http://localhost:8080").replaceAll("/+$", "");
        String user = arg(args, "--user=", env("MUSIC_ADMIN_USERNAME", "admin"));
        String password = arg(args, "--password=", env("MUSIC_ADMIN_PASSWORD", generatedAdminPassword()));
        String file = arg(args, "--file=", null);
        if (file == null) {
            err.println("usage: --file=<catalog.jsonl | -> [--url=http://localhost:8080] [--user=admin]"
                    + " [--password=...] [--token=...]");
            return 1;
        }
        Path path = file.equals("-") ? null : Path.of(file);
        if (path != null && !Files.isReadable(path)) {
            err.println("cannot read " + path.toAbsolutePath());
            return 1;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            String token = arg(args, "--token=", null);
            if (token == null && password == null) {
                err.println("no admin password: pass --password=..., set MUSIC_ADMIN_PASSWORD, or run from the"
                        + " directory where make run keeps .run/dev/admin-password");
                return 1;
            }
            if (token == null) {
                token = login(http, url, user, password, err);
                if (token == null) {
                    return 1;
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", NDJSON);
            headers.put("Accept", NDJSON + ", application/problem+json");
            headers.put("Authorization", "Bearer " + token);
            Progress progress = new Progress(out, err);
            DuplexHttp.Answer answer;
            try (InputStream body = path == null ? System.in : Files.newInputStream(path)) {
                answer = DuplexHttp.post(URI.create(url + IMPORTS_PATH), headers, body,
                        path == null ? -1 : Files.size(path), progress::line);
            }
            if (answer.status() != 200) {
                err.println("import refused: HTTP " + answer.status());
                progress.echoed.forEach(err::println);
                return 1;
            }
            return progress.exitStatus();
        } catch (ConnectException e) {
            err.println("no server answers at " + url + " (" + e + ")");
            return 1;
        }
    }

    private static String login(HttpClient http, String url, String user, String password, PrintStream err)
            throws IOException, InterruptedException {
        HttpRequest login = HttpRequest.newBuilder(URI.create(url + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("username", user, "password", password)))).build();
        HttpResponse<String> answer = http.send(login, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            err.println("login as " + user + " failed: HTTP " + answer.statusCode() + " " + answer.body());
            return null;
        }
        return JSON.readTree(answer.body()).path("token").asText();
    }

    /** Echoes every line as it arrives; the exit status follows the last one. */
    private static final class Progress {
        private final PrintStream out;
        private final PrintStream err;
        private final List<String> echoed = new ArrayList<>();
        private boolean ok = true;
        private JsonNode last;

        Progress(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        void line(String line) {
            JsonNode node = null;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException notJson) {
                // echoed as it is
            }
            if (node == null || !(node.has("progress") || node.has("error") || node.has("done") || node.has("aborted"))) {
                if (echoed.size() < 100) {
                    echoed.add(line); // a problem answer, shown on standard error
                }
                ok = false;
                return;
            }
            out.println(line);
            out.flush();
            if (node.has("done") || node.has("aborted")) {
                last = node;
            }
        }

        int exitStatus() {
            if (last == null) {
                err.println("the server stopped answering before the import finished");
                return 1;
            }
            if (last.has("aborted")) {
                err.println("import aborted: " + last.path("aborted").path("reason").asText());
                return 1;
            }
            JsonNode done = last.path("done");
            err.printf("import done: %d lines, %d artists, %d new releases, %d updated, %d unchanged,"
                            + " %d refused, %d tracks in %s s (%s tracks/s)%n", done.path("lines").asLong(),
                    done.path("artists").asLong(), done.path("releases").asLong(), done.path("updated").asLong(),
                    done.path("unchanged").asLong(), done.path("failed").asLong(), done.path("tracks").asLong(),
                    done.path("seconds").asText(), done.path("tracksPerSecond").asText());
            return done.path("failed").asLong() == 0 && ok ? 0 : 2;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String arg(String[] args, String prefix, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> a.substring(prefix.length())).orElse(fallback);
    }
}
