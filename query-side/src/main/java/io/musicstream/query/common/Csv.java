package io.musicstream.query.common;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/** RFC 4180 CSV answers: fields, and a whole answer streamed as its rows arrive. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** What hands an answer's lines over, one at a time, to the writer it is given. */
    @FunctionalInterface
    public interface Lines {
        void each(Consumer<String> line);
    }

    /** The value, quoted when it holds a comma, a quote or a line break; empty for none. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * Writes a CSV attachment: the header line, then each line {@code lines} hands over, as it hands it over (a
     * database cursor's rows are never held whole). Lines end with CRLF; the text is UTF-8.
     */
    public static void stream(HttpServletResponse response, String filename, String header, Lines lines)
            throws IOException {
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        out.write(header + "\r\n");
        try {
            lines.each(line -> {
                try {
                    out.write(line);
                    out.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }
}
