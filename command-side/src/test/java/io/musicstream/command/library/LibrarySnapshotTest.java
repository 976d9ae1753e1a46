package io.musicstream.command.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.events.serialization.EventJson;
import java.nio.file.Path;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * A library's snapshot is Jackson (Axon's serializer) from its fields. Its shape is fixed per {@code @Revision}
 * by {@code snapshots/Library.r<revision>.json}: a snapshot of another revision is ignored, so a change of shape
 * needs a new revision and a new file, never an edit of this one.
 */
class LibrarySnapshotTest extends LibraryFixture {

    private static final Path GOLDEN = Path.of("src/test/resources/snapshots");
    private final ObjectMapper json = EventJson.objectMapper();

    private static Library sample() {
        Library library = new Library();
        library.on(new ItemSavedToLibrary("u-1", LibraryItemType.TRACK, "t-1", T0, null), 0);
        library.on(new ItemSavedToLibrary("u-1", LibraryItemType.ALBUM, "al-1", T0.plusSeconds(60), "c-1"), 1);
        library.on(new ItemRemovedFromLibrary("u-1", LibraryItemType.TRACK, "t-1", T0.plusSeconds(120), "c-2"), 2);
        library.on(new ItemSavedToLibrary("u-1", LibraryItemType.ARTIST, "a-1", T0.plusSeconds(180), null), 3);
        return library;
    }

    private Path golden() {
        return GOLDEN.resolve("Library.r" + Library.class.getAnnotation(Revision.class).value() + ".json");
    }

    @Test
    void aSnapshotHasTheShapeOfItsRevision() throws Exception {
        assertThat(golden()).as("a golden snapshot for the library's revision").exists();
        assertThat(json.readTree(json.writeValueAsString(sample()))).isEqualTo(json.readTree(golden().toFile()));
    }

    @Test
    void aSnapshotOfItsRevisionLoadsBackWhole() throws Exception {
        Library loaded = json.readValue(golden().toFile(), Library.class);
        assertThat(loaded.rememberedItems()).isEqualTo(3);
        assertThat(json.readTree(json.writeValueAsString(loaded))).isEqualTo(json.readTree(golden().toFile()));
    }

    @Test
    void aSnapshotKeepsEverythingTheLibraryDecidesBy() throws Exception {
        Library library = new Library();
        library.on(saved("t-1", T0), 0);
        library.on(new ItemSavedToLibrary(USER, TRACK, "t-2", T1, "c-1"), 1);
        library.on(removed("t-1", T2), 2);
        com.fasterxml.jackson.databind.ObjectMapper json = io.musicstream.events.serialization.EventJson.objectMapper();
        String snapshot = json.writeValueAsString(library);
        assertThat(snapshot).contains("\"libraryId\":\"library:u-1\"", "\"c-1\":\"SAVE:TRACK:t-2\"", "TRACK:t-2");
        assertThat(json.writeValueAsString(json.readValue(snapshot, Library.class))).isEqualTo(snapshot);
    }
}
