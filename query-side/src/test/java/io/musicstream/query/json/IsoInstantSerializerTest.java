package io.musicstream.query.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

class IsoInstantSerializerTest {

    private final JsonMapper json = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer())).build();

    @Test
    void writesWhatInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            assertWritten(Instant.ofEpochSecond(second, nano));
        }
        assertWritten(Instant.EPOCH);
        assertWritten(Instant.parse("2026-11-22T05:00:00.100Z"));
        assertWritten(Instant.parse("2026-11-22T05:00:00.000001Z"));
        assertWritten(Instant.MAX);
        assertWritten(Instant.MIN);
        assertWritten(Instant.parse("-0001-12-31T23:59:59Z"));
        assertWritten(Instant.parse("+10000-01-01T00:00:00Z"));
    }

    private void assertWritten(Instant instant) {
        assertThat(json.writeValueAsString(instant)).isEqualTo('"' + instant.toString() + '"');
    }
}
