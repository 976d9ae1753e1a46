package io.musicstream.infra.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterReaderTest {

    @Test
    void readsTheRetryCountFromALettersDiagnostics() {
        assertThat(DeadLetterReader.retries(bytes("{\"retries\":3,\"other\":\"x\"}"))).isEqualTo(3);
    }

    @Test
    void aLetterWithoutAReadableRetryCountWasNeverRetried() {
        assertThat(DeadLetterReader.retries(null)).isZero();
        assertThat(DeadLetterReader.retries(bytes("{}"))).isZero();
        assertThat(DeadLetterReader.retries(bytes("{\"retries\":\"many\"}"))).isZero();
        assertThat(DeadLetterReader.retries(bytes("not json"))).isZero();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
