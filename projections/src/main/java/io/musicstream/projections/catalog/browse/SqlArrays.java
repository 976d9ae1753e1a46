package io.musicstream.projections.catalog.browse;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL {@code text[]} columns as lists. */
final class SqlArrays {

    private SqlArrays() {
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
