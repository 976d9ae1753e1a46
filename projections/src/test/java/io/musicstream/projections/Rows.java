package io.musicstream.projections;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A result row as a map of its columns, in their order, with SQL arrays as lists: rows compare by value. */
public final class Rows {

    private Rows() {
    }

    /** A {@code RowMapper} for JdbcTemplate and JdbcClient alike. */
    public static Map<String, Object> row(ResultSet rs, int rowNum) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            Object value = rs.getObject(c);
            row.put(rs.getMetaData().getColumnName(c),
                    value instanceof Array array ? List.of((Object[]) array.getArray()) : value);
        }
        return row;
    }
}
