package io.musicstream.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KafkaClusterIdTest {

    /** One random id in 64 used to start with '-', and the storage tool then failed to format. */
    @Test
    void noClusterIdLooksLikeAnOption() {
        IntStream.range(0, 10_000).mapToObj(i -> KafkaDevServer.newClusterId()).forEach(id ->
                assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+"));
    }
}
