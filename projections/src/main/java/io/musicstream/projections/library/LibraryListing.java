package io.musicstream.projections.library;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A user's library section, newest first. */
@Service
public class LibraryListing {

    private final JdbcClient jdbc;

    public LibraryListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One saved item: when it was saved and the token of that save. */
    public record Saved(String itemId, Instant savedAt, long token) {
    }

    /** One page of a section, and how many items the whole section holds. */
    public record Section(long total, List<Saved> items) {
    }

    /** @param itemType {@code track}, {@code album} or {@code artist} */
    public Section list(String userId, String itemType, int limit, int offset) {
        long total = jdbc.sql("select count(*) from library_item where user_id = ? and item_type = ?")
                .params(userId, itemType).query(Long.class).single();
        List<Saved> saved = jdbc.sql("""
                        select item_id, saved_at, token from library_item where user_id = ? and item_type = ?
                        order by saved_at desc, token desc limit ? offset ?""")
                .params(userId, itemType, limit, offset)
                .query((rs, i) -> new Saved(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
                .list();
        return new Section(total, saved);
    }
}
