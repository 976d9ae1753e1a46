package io.musicstream.infra.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.tools.catalog.CatalogImportCli;
import io.musicstream.tools.catalog.SyntheticCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line against the running application: it logs in, streams the file and prints progress. */
class CatalogImportCliTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void importsAFileAndExitsZeroWhenEveryLineWasImported() throws Exception {
        Path file = dir.resolve("catalog.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            SyntheticCatalog.write(31, 150, out);
        }

        Run run = cli("--url=http://127.0.0.1:" + port, "--user=" + ADMIN, "--password=" + ADMIN_PASSWORD,
                "--file=" + file);

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode done = run.last().get("done");
        assertThat(done.get("tracks").asLong()).isEqualTo(150);
        assertThat(done.get("failed").asLong()).isZero();
        assertThat(run.err()).contains("import done: ");
    }

    /**
     * Far more error lines than socket buffers hold: the answer must be read while the body is still being
     * sent, or both sides would wait on each other.
     */
    @Test
    void readsTheAnswerWhileSendingSoThatManyErrorLinesCannotStallTheImport() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        String bad = "{\"kind\":\"release\",\"upc\":\"123456789012\",\"notAField\":true}\n";
        Files.writeString(file, bad.repeat(100_000), StandardCharsets.UTF_8);

        Run run = cli("--url=http://127.0.0.1:" + port, "--user=" + ADMIN, "--password=" + ADMIN_PASSWORD,
                "--file=" + file);

        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.lines().stream().filter(l -> l.has("error")).count()).isEqualTo(100_000);
        assertThat(run.last().get("done").get("failed").asLong()).isEqualTo(100_000);
    }

    @Test
    void exitsOneWhenTheLoginFails() throws Exception {
        Path file = dir.resolve("empty.jsonl");
        Files.writeString(file, "");

        Run run = cli("--url=http://127.0.0.1:" + port, "--user=" + ADMIN, "--password=wrong-password",
                "--file=" + file);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("login as " + ADMIN + " failed: HTTP 401");
    }

    record Run(int status, List<JsonNode> lines, String err) {
        JsonNode last() {
            return lines.get(lines.size() - 1);
        }
    }

    private static Run cli(String... args) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CatalogImportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (JacksonException e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
        return new Run(status, lines, err.toString(StandardCharsets.UTF_8));
    }
}
