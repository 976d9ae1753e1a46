package io.musicstream.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.musicstream.events.serialization.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * Every event revision has a golden JSON file, {@code golden/<Event>.r<revision>.json}. When an event's
 * serialized shape changes, this test fails until the event gets a new {@code @Revision}, a new golden file
 * and an upcaster from the old revision. Write missing files with {@code -Dgolden.write=true}; existing files
 * are never overwritten.
 */
class GoldenJsonTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final ObjectMapper json = EventJson.objectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void everyEventHasARevisionAndASample() {
        Set<String> events = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.musicstream.events").stream()
                .filter(c -> c.isAnnotatedWith(Revision.class)).map(JavaClass::getName).collect(Collectors.toSet());
        Set<String> sampled = EventSamples.all().keySet().stream().map(Class::getName).collect(Collectors.toSet());
        assertThat(sampled).as("events with a sample in EventSamples").isEqualTo(events);
    }

    @Test
    void serializedShapeMatchesTheGoldenFileOfItsRevision() throws IOException {
        for (Map.Entry<Class<?>, Object> sample : EventSamples.all().entrySet()) {
            Class<?> type = sample.getKey();
            Revision revision = type.getAnnotation(Revision.class);
            assertThat(revision).as(type.getName() + " has @Revision").isNotNull();
            Path file = GOLDEN.resolve(type.getSimpleName() + ".r" + revision.value() + ".json");
            String actual = json.writeValueAsString(sample.getValue());
            if (!Files.exists(file) && Boolean.getBoolean("golden.write")) {
                Files.writeString(file, actual + "\n");
            }
            assertThat(file).as("golden file for " + type.getSimpleName() + " revision " + revision.value()
                    + " (create it with -Dgolden.write=true)").exists();
            JsonNode expected = json.readTree(file.toFile());
            assertThat(json.readTree(actual))
                    .as(type.getSimpleName() + " changed shape: give it a new @Revision, a golden file and an upcaster")
                    .isEqualTo(expected);
            assertThat(json.treeToValue(expected, type)).as("golden file reads back into " + type.getSimpleName())
                    .isEqualTo(sample.getValue());
        }
    }
}
