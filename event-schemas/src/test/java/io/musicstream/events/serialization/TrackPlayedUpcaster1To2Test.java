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

/** Revision 1 fixtures in, revision 2 fixtures out, as the event store would hand them to a handler. */
class TrackPlayedUpcaster1To2Test {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path FIXTURES = Path.of("src/test/resources/upcasting");
    private final ObjectMapper json = EventJson.objectMapper();
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(json).build();

    @Test
    void anOldPlayOfThirtySecondsOrMoreCountsUnderVersionOne() throws IOException {
        IntermediateEventRepresentation upcast = upcast(GOLDEN.resolve("TrackPlayed.r1.json"));

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(JsonNode.class).getData())
                .isEqualTo(json.readTree(FIXTURES.resolve("TrackPlayed.r1-to-r2.json").toFile()));
        TrackPlayed play = serializer.deserialize(upcast.getData());
        assertThat(play.counted()).isTrue();
        assertThat(play.ruleVersion()).isEqualTo(1);
        assertThat(play.endReason()).isNull();
        assertThat(play.context()).isNull();
        assertThat(play.offline()).isFalse();
    }

    @Test
    void anOldPlayShorterThanThirtySecondsDoesNotCount() throws IOException {
        IntermediateEventRepresentation upcast = upcast(FIXTURES.resolve("TrackPlayed.r1-short.json"));

        assertThat(upcast.getData(JsonNode.class).getData())
                .isEqualTo(json.readTree(FIXTURES.resolve("TrackPlayed.r1-short-to-r2.json").toFile()));
        assertThat(((TrackPlayed) serializer.deserialize(upcast.getData())).counted()).isFalse();
    }

    @Test
    void otherEventsAndRevisionsPassThroughUnchanged() throws IOException {
        InitialEventRepresentation other = representation(GOLDEN.resolve("StreamRulesAdopted.r1.json"),
                StreamRulesAdopted.class.getName(), "1");
        List<IntermediateEventRepresentation> out = new TrackPlayedUpcaster1To2().upcast(Stream.of(other)).toList();
        assertThat(out).containsExactly(other);
    }

    private IntermediateEventRepresentation upcast(Path revision1) throws IOException {
        List<IntermediateEventRepresentation> out = new TrackPlayedUpcaster1To2()
                .upcast(Stream.of(representation(revision1, TrackPlayed.class.getName(), "1"))).toList();
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
