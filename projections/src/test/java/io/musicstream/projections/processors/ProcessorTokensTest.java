package io.musicstream.projections.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.serialization.EventJson;
import io.musicstream.projections.TestServers;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Tokens as processors stored them in {@code token_entry}, read back per segment. */
class ProcessorTokensTest {

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    private final JdbcClient jdbc = JdbcClient.create(TestServers.freshDatabase());
    private final ProcessorTokens tokens = new ProcessorTokens(jdbc, serializer);

    private void store(String processor, int segment, TrackingToken token) {
        SerializedObject<byte[]> bytes = token == null ? null : serializer.serialize(token, byte[].class);
        jdbc.sql("insert into token_entry (processor_name, segment, token, token_type) values (?, ?, ?, ?)")
                .params(processor, segment, bytes == null ? null : bytes.getData(),
                        bytes == null ? null : bytes.getType().getName())
                .update();
    }

    @Test
    void eachSegmentsTokenIsReadBackAsStoredAndOneWithoutATokenAsNull() {
        GapAwareTrackingToken passed = GapAwareTrackingToken.newInstance(5, Set.of(3L));
        store("p", 0, passed);
        store("p", 1, null);
        store("q", 0, GapAwareTrackingToken.newInstance(9, Set.of()));

        assertThat(tokens.of("p")).containsExactlyInAnyOrder(passed, null);
        assertThat(tokens.of(List.of("p", "q")).get("q")).containsExactly(GapAwareTrackingToken.newInstance(9, Set.of()));
    }

    @Test
    void aReplayingSegmentIsReadAsWhereItReplaysFrom() {
        TrackingToken replayFrom = GapAwareTrackingToken.newInstance(4, Set.of());
        store("p", 0, ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(10, Set.of()), replayFrom));

        assertThat(tokens.of("p")).containsExactly(replayFrom);
        assertThat(ProcessorTokens.position(tokens.of("p").get(0))).isEqualTo(4);
    }

    @Test
    void aProcessorThatStoredNoTokensHasNone() {
        store("p", 0, GapAwareTrackingToken.newInstance(1, Set.of()));

        assertThat(tokens.of("none")).isEmpty();
        assertThat(tokens.of(List.of("p", "none"))).containsOnlyKeys("p");
    }

    @Test
    void aPositionIsTheIndexATokenPassedOrMinusOneWithoutOne() {
        assertThat(ProcessorTokens.position(GapAwareTrackingToken.newInstance(7, Set.of(2L)))).isEqualTo(7);
        assertThat(ProcessorTokens.position(null)).isEqualTo(-1);
    }
}
