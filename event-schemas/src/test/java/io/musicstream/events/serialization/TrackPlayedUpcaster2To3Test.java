package io.musicstream.events.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.events.playback.StreamRulesAdopted;
import io.musicstream.events.playback.TrackPlayed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

/** Revision 2 fixtures in, revision 3 fixtures out, through both upcasters as the event store chains them. */
class TrackPlayedUpcaster2To3Test {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path FIXTURES = Path.of("src/test/resources/upcasting");
    private final ObjectMapper json = EventJson.objectMapper();
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(json).build();

    @Test
    void aRevisionTwoPlayHasNoTier() throws IOException {
        IntermediateEventRepresentation upcast = single(new TrackPlayedUpcaster2To3()
                .upcast(Stream.of(representation(GOLDEN.resolve("TrackPlayed.r2.json"), TrackPlayed.class.getName(),
                        "2"))).toList());

        assertThat(upcast.getType().getRevision()).isEqualTo("3");
        assertThat(upcast.getData(JsonNode.class).getData())
                .isEqualTo(json.readTree(FIXTURES.resolve("TrackPlayed.r2-to-r3.json").toFile()));
        TrackPlayed play = serializer.deserialize(upcast.getData());
        assertThat(play.tier()).isNull();
        assertThat(play.ruleVersion()).isEqualTo(2);
    }

    @Test
    void aRevisionOnePlayGoesThroughBothSteps() throws IOException {
        Stream<IntermediateEventRepresentation> revision1 = Stream.of(representation(
                GOLDEN.resolve("TrackPlayed.r1.json"), TrackPlayed.class.getName(), "1"));
        IntermediateEventRepresentation upcast = single(new TrackPlayedUpcaster2To3()
                .upcast(new TrackPlayedUpcaster1To2().upcast(revision1)).toList());

        assertThat(upcast.getType().getRevision()).isEqualTo("3");
        TrackPlayed play = serializer.deserialize(upcast.getData());
        assertThat(play.tier()).isNull();
        assertThat(play.ruleVersion()).isEqualTo(1);
    }

    @Test
    void otherEventsPassThroughUnchanged() throws IOException {
        InitialEventRepresentation other = representation(GOLDEN.resolve("StreamRulesAdopted.r1.json"),
                StreamRulesAdopted.class.getName(), "1");
        assertThat(new TrackPlayedUpcaster2To3().upcast(Stream.of(other)).toList()).containsExactly(other);
    }

    private static IntermediateEventRepresentation single(List<IntermediateEventRepresentation> out) {
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private InitialEventRepresentation representation(Path file, String type, String revision) throws IOException {
        byte[] payload = Files.readAllBytes(file);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Play", "play:u-1:p-1", 0, "e-1",
                Instant.parse("2026-11-21T12:00:01Z"), type, revision, payload, "{}".getBytes());
        return new InitialEventRepresentation(entry, serializer);
    }
}
