package io.musicstream.infra.catalog.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NDJSON answer of an import: {@code progress} lines, one {@code error} line per refused line, and a
 * last {@code done} or {@code aborted} line. A write that fails means the client went away.
 */
final class ImportAnswer {

    private final OutputStream out;
    private final JsonMapper json;

    ImportAnswer(OutputStream out, JsonMapper json) {
        this.out = out;
        this.json = json;
    }

    void progress(CatalogImporter.Totals totals) throws IOException {
        emit("progress", counts(totals));
    }

    void error(ImportTally.Refusal refusal) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("line", refusal.line());
        error.put("status", refusal.status());
        if (refusal.upc() != null) {
            error.put("upc", refusal.upc());
        }
        if (refusal.artistId() != null) {
            error.put("artistId", refusal.artistId());
        }
        error.put("errors", refusal.errors());
        emit("error", error);
    }

    void done(CatalogImporter.Totals totals, double seconds) throws IOException {
        Map<String, Object> last = counts(totals);
        last.put("seconds", Math.round(seconds * 1000) / 1000.0);
        last.put("tracksPerSecond", Math.round(totals.tracks() / Math.max(seconds, 1e-9) * 10) / 10.0);
        emit("done", last);
    }

    void aborted(CatalogImporter.Totals totals, String reason) throws IOException {
        Map<String, Object> last = counts(totals);
        last.put("reason", reason);
        emit("aborted", last);
    }

    void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw gone(e);
        }
    }

    private void emit(String name, Map<String, Object> value) throws IOException {
        byte[] bytes = json.writeValueAsBytes(Map.of(name, value));
        try {
            out.write(bytes);
            out.write('\n');
        } catch (IOException e) {
            throw gone(e);
        }
    }

    private static Map<String, Object> counts(CatalogImporter.Totals t) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("lines", t.lines());
        counts.put("artists", t.artists());
        counts.put("releases", t.releases());
        counts.put("updated", t.updated());
        counts.put("unchanged", t.unchanged());
        counts.put("failed", t.failed());
        counts.put("tracks", t.tracks());
        return counts;
    }

    private static IOException gone(IOException e) {
        return e instanceof CatalogImporter.ClientGoneException ? e
                : new CatalogImporter.ClientGoneException("the client stopped reading", e);
    }
}
