package io.musicstream.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The baseline search: the same documents in one PostgreSQL table with pg_trgm indexes, queried by word
 * similarity (typo-tolerant) and by prefix. Text is folded exactly as for Elasticsearch.
 */
final class TrigramBaseline {

    static final String TABLE = "bench_trigram_search";
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final StringBuilder copyBuffer = new StringBuilder();
    private int buffered;

    TrigramBaseline(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void create() {
        jdbc.execute("create extension if not exists pg_trgm");
        jdbc.execute("drop table if exists " + TABLE);
        jdbc.execute("create unlogged table " + TABLE + " (kind text not null, id text not null, name text not null,"
                + " display_name text not null, doc text not null, popularity int not null default 0)");
    }

    void add(String kind, String id, String foldedName, String displayName, String foldedDoc) {
        copyBuffer.append(kind).append('\t').append(id).append('\t').append(escape(foldedName)).append('\t')
                .append(escape(displayName)).append('\t').append(escape(foldedDoc)).append('\t').append(0).append('\n');
        if (++buffered >= 20_000) {
            flush();
        }
    }

    void flush() {
        if (buffered == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + TABLE + " from stdin", new StringReader(copyBuffer.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("baseline load failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copyBuffer.setLength(0);
        buffered = 0;
    }

    /** Indexes built after loading, as one would for a bulk load. */
    void index() {
        flush();
        jdbc.execute("create index on " + TABLE + " using gin (doc gin_trgm_ops)");
        jdbc.execute("create index on " + TABLE + " using gin (name gin_trgm_ops)");
        jdbc.execute("analyze " + TABLE);
    }

    /** Top 20 per kind by word similarity, popularity breaking ties (no totals: cheaper than the real search). */
    List<String> search(String folded) {
        List<String> names = new ArrayList<>();
        for (String kind : List.of("track", "album", "artist")) {
            names.addAll(jdbc.queryForList("select display_name from " + TABLE
                    + " where kind = ? and doc %> ? order by doc <->> ?, popularity desc limit 20", String.class,
                    kind, folded, folded));
        }
        return names;
    }

    List<String> suggest(String folded) {
        return jdbc.queryForList("select display_name from " + TABLE
                + " where name like ? order by popularity desc, name limit 10", String.class, likePrefix(folded));
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }
}
