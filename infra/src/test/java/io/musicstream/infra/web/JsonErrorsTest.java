package io.musicstream.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

class JsonErrorsTest {

    record Track(long durationMs) {
    }

    record Release(String title, List<Track> tracks) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void namesTheFieldAtFaultWithItsPath() {
        JacksonException e = failure("{\"title\":\"T\",\"tracks\":[{\"durationMs\":\"long\"}]}");
        assertThat(JsonErrors.describe(e)).startsWith("field 'tracks[0].durationMs': ")
                .doesNotContain("\n");
    }

    @Test
    void callsJsonThatCannotBeReadMalformed() {
        assertThat(JsonErrors.describe(failure("{\"title\":"))).startsWith("malformed JSON: Unexpected end-of-input");
    }

    @Test
    void keepsTheFirstLineOfTheReasonCutAt300Characters() {
        JacksonException e = new StreamReadException(null, "x".repeat(400) + "\nat the second line");
        assertThat(JsonErrors.reason(e)).isEqualTo("x".repeat(300) + "...");
        assertThat(JsonErrors.describe(e)).isEqualTo("malformed JSON: " + "x".repeat(300) + "...");
    }

    private JacksonException failure(String body) {
        return catchThrowableOfType(JacksonException.class, () -> json.readValue(body, Release.class));
    }
}
