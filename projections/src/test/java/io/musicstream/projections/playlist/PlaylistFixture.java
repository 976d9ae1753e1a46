package io.musicstream.projections.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.playlist.PlaylistCreated;
import io.musicstream.events.playlist.PlaylistDetailsChanged;
import io.musicstream.events.playlist.PlaylistItem;
import io.musicstream.events.playlist.PlaylistItemsAdded;
import io.musicstream.events.playlist.PlaylistItemsMoved;
import io.musicstream.events.playlist.PlaylistItemsRemoved;
import io.musicstream.events.playlist.PlaylistItemsReplaced;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.TestServers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The playlists read model on a fresh database, and one playlist's events made as the aggregate makes them
 * (snapshots counting up, item ids from a counter), with the items the events lead to kept beside them.
 */
final class PlaylistFixture {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final DataSource db = TestServers.freshDatabase();
    final JdbcTemplate jdbc = new JdbcTemplate(db);
    final DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
    final PlaylistProjection projection = new PlaylistProjection(jdbc, transactions);
    final ProjectionDriver driver = ProjectionDriver.inTransactions(projection, transactions);
    final Playlists reader = new Playlists(JdbcClient.create(jdbc), transactions);

    /** One playlist's event source; {@link #items} is what its events made so far. */
    static final class Source {
        final String playlistId;
        final String ownerId;
        final List<PlaylistItem> items = new ArrayList<>();
        long snapshot;
        long nextItem;
        Instant at = T0;

        Source(String playlistId, String ownerId) {
            this.playlistId = playlistId;
            this.ownerId = ownerId;
        }

        private String next() {
            at = at.plusSeconds(1);
            return Long.toString(++snapshot);
        }

        PlaylistCreated created(boolean isPublic) {
            snapshot = 0;
            return new PlaylistCreated(playlistId, ownerId, "Road trip", null, isPublic, true, at, ownerId, next());
        }

        PlaylistDetailsChanged renamed(String name) {
            return new PlaylistDetailsChanged(playlistId, name, "new", true, true, at, ownerId, next());
        }

        PlaylistItemsAdded added(int position, String... trackIds) {
            List<PlaylistItem> added = new ArrayList<>();
            String snapshotId = next();
            for (String trackId : trackIds) {
                added.add(new PlaylistItem("i" + nextItem++, trackId, ownerId, at));
            }
            items.addAll(position, added);
            return new PlaylistItemsAdded(playlistId, position, added, at, ownerId, snapshotId);
        }

        PlaylistItemsAdded appended(String... trackIds) {
            return added(items.size(), trackIds);
        }

        /** @param positions ascending */
        PlaylistItemsRemoved removed(Integer... positions) {
            List<String> itemIds = new ArrayList<>();
            for (int p : positions) {
                itemIds.add(items.get(p).itemId());
            }
            for (int i = positions.length - 1; i >= 0; i--) {
                items.remove((int) positions[i]);
            }
            return new PlaylistItemsRemoved(playlistId, List.of(positions), itemIds, at, ownerId, next());
        }

        PlaylistItemsMoved moved(int start, int length, int insertBefore) {
            move(items, start, length, insertBefore);
            return new PlaylistItemsMoved(playlistId, start, length, insertBefore, at, ownerId, next());
        }

        PlaylistItemsReplaced replaced(String... trackIds) {
            String snapshotId = next();
            items.clear();
            for (String trackId : trackIds) {
                items.add(new PlaylistItem("i" + nextItem++, trackId, ownerId, at));
            }
            return new PlaylistItemsReplaced(playlistId, List.copyOf(items), at, ownerId, snapshotId);
        }

        List<String> itemIds() {
            return items.stream().map(PlaylistItem::itemId).toList();
        }
    }

    /** Spotify's reorder, as devices apply it. */
    static <T> void move(List<T> list, int start, int length, int insertBefore) {
        List<T> range = new ArrayList<>(list.subList(start, start + length));
        list.subList(start, start + length).clear();
        list.addAll(insertBefore > start ? insertBefore - length : insertBefore, range);
    }

    /** The item ids of {@code playlistId} in position order, as the read model holds them. */
    List<String> itemIds(String playlistId) {
        return jdbc.queryForList("select item_id from playlist_item where playlist_id = ? order by sort_key, item_id",
                String.class, playlistId);
    }

    /** The positions the reader gives the items, which must be 0..n-1; the keys must all differ. */
    List<Integer> positions(String playlistId) {
        assertThat(jdbc.queryForObject("select count(*) = count(distinct sort_key) from playlist_item"
                + " where playlist_id = ?", Boolean.class, playlistId)).as("distinct sort keys").isTrue();
        return reader.items(playlistId, Integer.MAX_VALUE, 0).orElseThrow().items().stream()
                .map(Playlists.Item::position).toList();
    }

    Map<String, Object> playlistRow(String playlistId) {
        return jdbc.queryForMap("select * from playlist where playlist_id = ?", playlistId);
    }

    long operations(String playlistId) {
        return jdbc.queryForObject("select count(*) from playlist_operation where playlist_id = ?", Long.class,
                playlistId);
    }

    /** Applies {@code changes}' operations to {@code itemIds}, as a device does. */
    @SuppressWarnings("unchecked")
    static List<String> apply(List<String> itemIds, Playlists.Changes changes) {
        if (changes.reset()) {
            return changes.items().stream().map(Playlists.Item::itemId).toList();
        }
        List<String> items = new ArrayList<>(itemIds);
        for (Map<String, Object> op : changes.operations()) {
            switch ((String) op.get("op")) {
                case "add" -> {
                    List<String> added = ((List<Map<String, Object>>) op.get("items")).stream()
                            .map(i -> (String) i.get("itemId")).toList();
                    items.addAll(((Number) op.get("position")).intValue(), added);
                }
                case "remove" -> {
                    List<Integer> positions = ((List<Number>) op.get("positions")).stream()
                            .map(Number::intValue).toList();
                    for (int i = positions.size() - 1; i >= 0; i--) {
                        items.remove((int) positions.get(i));
                    }
                }
                case "move" -> move(items, ((Number) op.get("rangeStart")).intValue(),
                        ((Number) op.get("rangeLength")).intValue(), ((Number) op.get("insertBefore")).intValue());
                default -> throw new AssertionError("unknown op " + op);
            }
        }
        return items;
    }
}
