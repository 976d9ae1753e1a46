package io.musicstream.command.playlist;

import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.InvitationAccepted;
import io.musicstream.events.playlist.PlaylistCreated;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** What the playlist tests share: a fixture, its people and shorthands for events and commands. */
abstract class PlaylistFixture {

    static final String PLAYLIST = "pl-1";
    static final String OWNER = "u-owner";
    static final String COLLABORATOR = "u-collab";
    static final String STRANGER = "u-stranger";
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);
    static final Instant T3 = T0.plusSeconds(180);

    final AggregateTestFixture<Playlist> fixture = new AggregateTestFixture<>(Playlist.class);

    static PlaylistCreated created() {
        return created(false);
    }

    static PlaylistCreated created(boolean collaborative) {
        return new PlaylistCreated(PLAYLIST, OWNER, "Morning", null, false, collaborative, T0, OWNER, "1");
    }

    /** A collaborative playlist with {@link #COLLABORATOR} in it. */
    static List<Object> withCollaborator() {
        return List.of(created(true),
                new CollaboratorInvited(PLAYLIST, "inv-1", COLLABORATOR, T0.plus(Playlist.INVITATION_LIFETIME), T0,
                        OWNER),
                new InvitationAccepted(PLAYLIST, "inv-1", COLLABORATOR, T0, COLLABORATOR));
    }

    static PlaylistItem item(long number, String trackId) {
        return new PlaylistItem("i" + number, trackId, OWNER, T0);
    }

    /** Adds tracks t-first.. as items i-firstItem.., at {@code position}, making {@code snapshotId}. */
    static PlaylistItemsAdded added(int position, long firstItem, String snapshotId, String... trackIds) {
        List<PlaylistItem> items = new ArrayList<>();
        for (String trackId : trackIds) {
            items.add(item(firstItem + items.size(), trackId));
        }
        return new PlaylistItemsAdded(PLAYLIST, position, items, T0, OWNER, snapshotId);
    }

    /** Created, then tracks t-0..t-(count-1) appended as items i0.. in one event: snapshot "2". */
    static List<Object> withTracks(int count) {
        return List.of(created(), added(0, 0, "2", trackIds(count).toArray(String[]::new)));
    }

    static List<String> trackIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t-" + i).toList();
    }

    static AddTracksToPlaylist add(String user, Integer position, String snapshot, String... trackIds) {
        return new AddTracksToPlaylist(PLAYLIST, user, List.of(trackIds), position, snapshot, T1);
    }

    static RemoveTracksFromPlaylist removeAt(String snapshot, Integer... positions) {
        return new RemoveTracksFromPlaylist(PLAYLIST, OWNER, null, List.of(positions), snapshot, T1);
    }

    static MovePlaylistItems move(int start, Integer length, int insertBefore, String snapshot) {
        return new MovePlaylistItems(PLAYLIST, OWNER, start, length, insertBefore, snapshot, T1);
    }
}
