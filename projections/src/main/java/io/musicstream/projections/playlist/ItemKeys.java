package io.musicstream.projections.playlist;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sparse sort keys of a playlist's items ({@code playlist_item.sort_key}): a position is the number of items with
 * a lower key. New or moved items take keys evenly spread between their new neighbours'; when no key is left
 * between them, the playlist's keys are spread afresh first ({@value #GAP} apart), which a run of inserts at one
 * place needs only every few dozen edits.
 */
final class ItemKeys {

    /** The distance between neighbouring keys after a spread: 2^32, so about 32 halvings before the next one. */
    static final long GAP = 1L << 32;

    private final JdbcTemplate jdbc;

    ItemKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keys for {@code count} items that go before the item now at {@code position} (at the end past the last). */
    long[] between(String playlistId, int position, int count) {
        long[] keys = spreadBetween(playlistId, position - 1, position, count);
        if (keys == null) {
            respread(playlistId);
            keys = spreadBetween(playlistId, position - 1, position, count);
        }
        return keys;
    }

    /**
     * Moves the {@code length} items from {@code start} before the item now at {@code insertBefore} (Spotify's
     * reorder; {@code insertBefore} outside the range and not just past it, which the aggregate never writes).
     */
    void move(String playlistId, int start, int length, int insertBefore) {
        List<String> moved = jdbc.queryForList("""
                select item_id from playlist_item where playlist_id = ? order by sort_key, item_id
                offset ? limit ?""", String.class, playlistId, start, length);
        long[] keys = spreadBetween(playlistId, insertBefore - 1, insertBefore, moved.size());
        if (keys == null) {
            respread(playlistId);
            keys = spreadBetween(playlistId, insertBefore - 1, insertBefore, moved.size());
        }
        jdbc.update("""
                update playlist_item i set sort_key = v.sort_key
                from unnest(?::text[], ?::bigint[]) v(item_id, sort_key)
                where i.playlist_id = ? and i.item_id = v.item_id""",
                moved.toArray(String[]::new), boxed(keys), playlistId);
    }

    /** Keys for a whole list of {@code count} items, {@value #GAP} apart. */
    static long[] spread(int count) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = (i + 1) * GAP;
        }
        return keys;
    }

    /**
     * {@code count} keys evenly between the keys of the items now at {@code low} and {@code high} (none below
     * position 0, a whole gap per item past the last), or {@code null} when fewer than {@code count} keys are left.
     */
    private long[] spreadBetween(String playlistId, int low, int high, int count) {
        Long lowFound = low < 0 ? Long.valueOf(0) : keyAt(playlistId, low);
        if (lowFound == null) {
            throw new IllegalStateException("playlist " + playlistId + " has no item at " + low);
        }
        long lowKey = lowFound;
        Long highKey = keyAt(playlistId, high);
        long top = highKey != null ? highKey : lowKey + (count + 1) * GAP;
        long step = (top - lowKey) / (count + 1);
        if (step < 1) {
            return null;
        }
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = lowKey + step * (i + 1);
        }
        return keys;
    }

    /** The key of the item at {@code position}, or {@code null} past the last. */
    private Long keyAt(String playlistId, int position) {
        List<Long> found = jdbc.queryForList("""
                select sort_key from playlist_item where playlist_id = ? order by sort_key, item_id offset ? limit 1""",
                Long.class, playlistId, position);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Gives the playlist's items keys {@value #GAP} apart in their current order. */
    private void respread(String playlistId) {
        jdbc.update("""
                update playlist_item i set sort_key = r.n * ?
                from (select item_id, row_number() over (order by sort_key, item_id) as n
                      from playlist_item where playlist_id = ?) r
                where i.playlist_id = ? and i.item_id = r.item_id""", GAP, playlistId, playlistId);
    }

    private static Long[] boxed(long[] keys) {
        Long[] boxed = new Long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            boxed[i] = keys[i];
        }
        return boxed;
    }
}
