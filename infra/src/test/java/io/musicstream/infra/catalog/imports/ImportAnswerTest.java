package io.musicstream.infra.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ImportAnswerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ImportAnswer answer = new ImportAnswer(out, JsonMapper.builder().build());
    private final CatalogImporter.Totals totals = new CatalogImporter.Totals(12, 3, 4, 1, 2, 2, 10);

    @Test
    void writesOneJsonLinePerMessageInTheOrderGiven() throws IOException {
        answer.progress(totals);
        answer.error(new ImportTally.Refusal(5, 400, null, null, List.of("malformed JSON: x")));
        answer.error(new ImportTally.Refusal(7, 422, "123456789012", null, List.of("a", "b")));
        answer.error(new ImportTally.Refusal(9, 409, null, "a-1", List.of("taken")));
        answer.flush();

        assertThat(lines()).containsExactly(
                "{\"progress\":{\"lines\":12,\"artists\":3,\"releases\":4,\"updated\":1,\"unchanged\":2,"
                        + "\"failed\":2,\"tracks\":10}}",
                "{\"error\":{\"line\":5,\"status\":400,\"errors\":[\"malformed JSON: x\"]}}",
                "{\"error\":{\"line\":7,\"status\":422,\"upc\":\"123456789012\",\"errors\":[\"a\",\"b\"]}}",
                "{\"error\":{\"line\":9,\"status\":409,\"artistId\":\"a-1\",\"errors\":[\"taken\"]}}");
    }

    @Test
    void theDoneLineAddsTheTimeTakenAndTheRate() throws IOException {
        answer.done(totals, 4.00049);

        assertThat(lines()).containsExactly("{\"done\":{\"lines\":12,\"artists\":3,\"releases\":4,\"updated\":1,"
                + "\"unchanged\":2,\"failed\":2,\"tracks\":10,\"seconds\":4.0,\"tracksPerSecond\":2.5}}");
    }

    @Test
    void theAbortedLineSaysWhy() throws IOException {
        answer.aborted(totals, "request body is larger than 10 bytes");

        assertThat(lines()).singleElement().asString().startsWith("{\"aborted\":{\"lines\":12,")
                .endsWith("\"tracks\":10,\"reason\":\"request body is larger than 10 bytes\"}}");
    }

    @Test
    void aWriteThatFailsMeansTheClientIsGone() {
        IOException reset = new IOException("connection reset");
        ImportAnswer toNobody = new ImportAnswer(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw reset;
            }

            @Override
            public void flush() throws IOException {
                throw reset;
            }
        }, JsonMapper.builder().build());

        assertThatThrownBy(() -> toNobody.progress(totals)).isInstanceOf(CatalogImporter.ClientGoneException.class)
                .hasMessage("the client stopped reading").hasCause(reset);
        assertThatThrownBy(toNobody::flush).isInstanceOf(CatalogImporter.ClientGoneException.class).hasCause(reset);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
