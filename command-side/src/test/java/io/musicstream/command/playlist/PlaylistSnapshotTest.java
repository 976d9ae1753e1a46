package io.musicstream.command.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.InvitationAccepted;
import io.musicstream.events.playlist.PlaylistDetailsChanged;
import io.musicstream.events.playlist.PlaylistItemsMoved;
import io.musicstream.events.playlist.PlaylistItemsRemoved;
import io.musicstream.events.serialization.EventJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * A playlist's snapshot is Jackson (Axon's serializer) from its fields, with the history it rebases by. Its
 * shape is fixed per {@code @Revision} by {@code snapshots/Playlist.r<revision>.json}: a change of shape needs a
 * new revision and a new file (written when missing with {@code -Dgolden.write=true}), never an edit of this one.
 */
class PlaylistSnapshotTest extends PlaylistFixture {

    private static final Path GOLDEN = Path.of("src/test/resources/snapshots");
    private final ObjectMapper json = EventJson.objectMapper();

    static Playlist sample() {
        Playlist playlist = new Playlist();
        playlist.on(created(true));
        playlist.on(new CollaboratorInvited(PLAYLIST, "inv-1", COLLABORATOR, T0.plus(Playlist.INVITATION_LIFETIME),
                T0, OWNER));
        playlist.on(new InvitationAccepted(PLAYLIST, "inv-1", COLLABORATOR, T1, COLLABORATOR));
        playlist.on(new CollaboratorInvited(PLAYLIST, "inv-2", STRANGER, T1.plus(Playlist.INVITATION_LIFETIME), T1,
                OWNER));
        playlist.on(added(0, 0, "2", "t-0", "t-1", "t-2", "t-3"));
        playlist.on(new PlaylistItemsRemoved(PLAYLIST, List.of(0, 2), List.of("i0", "i2"), T2, COLLABORATOR, "3"));
        playlist.on(new PlaylistItemsMoved(PLAYLIST, 1, 1, 0, T2, OWNER, "4"));
        playlist.on(new PlaylistDetailsChanged(PLAYLIST, "Evening", "Late", true, true, T3, OWNER, "5"));
        return playlist;
    }

    private Path golden() {
        return GOLDEN.resolve("Playlist.r" + Playlist.class.getAnnotation(Revision.class).value() + ".json");
    }

    @Test
    void aSnapshotHasTheShapeOfItsRevision() throws Exception {
        String actual = json.writerWithDefaultPrettyPrinter().writeValueAsString(sample());
        if (!Files.exists(golden()) && Boolean.getBoolean("golden.write")) {
            Files.writeString(golden(), actual + "\n");
        }
        assertThat(golden()).as("a golden snapshot for the playlist's revision").exists();
        assertThat(json.readTree(actual)).isEqualTo(json.readTree(golden().toFile()));
    }

    @Test
    void aSnapshotLoadsBackWithEverythingThePlaylistDecidesBy() throws Exception {
        Playlist loaded = json.readValue(golden().toFile(), Playlist.class);
        assertThat(json.readTree(json.writeValueAsString(loaded))).isEqualTo(json.readTree(golden().toFile()));
        assertThat(loaded.items()).isEqualTo(sample().items());
        assertThat(loaded.snapshotId()).isEqualTo("5");
    }

    @Test
    void aLoadedSnapshotRebasesAndAuthorizesAsTheReplayedPlaylist() throws Exception {
        String snapshot = json.writeValueAsString(sample());
        // on snapshot 2 ([i0, i1, i2, i3]) position 3 held i3, which is now at 0: a conflict either way
        loadedFrom(snapshot)
                .when(removeAt("2", 3))
                .expectException(SnapshotConflictException.class);
        // position 1 of snapshot 2 held i1, which is still at 1 ([i3, i1]): rebased
        loadedFrom(snapshot)
                .when(new RemoveTracksFromPlaylist(PLAYLIST, COLLABORATOR, null, List.of(1), "2", T3))
                .expectEvents(new PlaylistItemsRemoved(PLAYLIST, List.of(1), List.of("i1"), T3, COLLABORATOR, "6"));
        loadedFrom(snapshot)
                .when(new AcceptInvitation(PLAYLIST, "inv-2", STRANGER, T3))
                .expectEvents(new InvitationAccepted(PLAYLIST, "inv-2", STRANGER, T3, STRANGER));
    }

    @Test
    void itemsKeepWhoAddedThemAndWhenToTheNanosecond() throws Exception {
        Playlist playlist = new Playlist();
        playlist.on(created(true));
        playlist.on(added(0, 0, "2", "t-0", "t-1"));
        playlist.on(new io.musicstream.events.playlist.PlaylistItemsAdded(PLAYLIST, 1, List.of(
                new io.musicstream.events.playlist.PlaylistItem("i2", "t-0", COLLABORATOR, T1.plusNanos(7)),
                new io.musicstream.events.playlist.PlaylistItem("i3", "t-2", COLLABORATOR, T1.plusNanos(7))),
                T1.plusNanos(7), COLLABORATOR, "3"));
        playlist.on(new io.musicstream.events.playlist.PlaylistItemsAdded(PLAYLIST, 4, List.of(
                new io.musicstream.events.playlist.PlaylistItem("i4", "t-0", OWNER, T2)), T2, OWNER, "4"));
        Playlist loaded = json.readValue(json.writeValueAsString(playlist), Playlist.class);
        assertThat(loaded.items()).isEqualTo(playlist.items()).hasSize(5);
    }

    /** A fixture of its own per case: a fixture holds one aggregate given as state. */
    private org.axonframework.test.aggregate.TestExecutor<Playlist> loadedFrom(String snapshot) {
        return new org.axonframework.test.aggregate.AggregateTestFixture<>(Playlist.class).givenState(() -> {
            try {
                return json.readValue(snapshot, Playlist.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
