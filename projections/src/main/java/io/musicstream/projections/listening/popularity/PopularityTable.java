package io.musicstream.projections.listening.popularity;

import io.musicstream.projections.catalog.search.SearchPopularity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The popularity the job computed, as whole search documents take it (document ids {@code kind:id}). */
@Repository
class PopularityTable implements SearchPopularity {

    private final JdbcClient jdbc;

    PopularityTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> of(Collection<String> documentIds) {
        Map<String, Integer> found = new HashMap<>();
        if (documentIds.isEmpty()) {
            return found;
        }
        String[] kinds = new String[documentIds.size()];
        String[] ids = new String[documentIds.size()];
        int i = 0;
        for (String documentId : documentIds) {
            int colon = documentId.indexOf(':');
            kinds[i] = colon < 0 ? "" : documentId.substring(0, colon);
            ids[i++] = documentId.substring(colon + 1);
        }
        jdbc.sql("""
                        select p.kind, p.item_id, p.popularity
                        from unnest(cast(? as text[]), cast(? as text[])) k(kind, item_id)
                        join popularity p on p.kind = k.kind and p.item_id = k.item_id""")
                .params(kinds, ids)
                .query(rs -> {
                    found.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3));
                });
        return found;
    }

    @Override
    public void resendComputedSince(Instant since) {
        jdbc.sql("update popularity set indexed_popularity = -1 where computed_at >= ?")
                .param(Timestamp.from(since)).update();
    }
}
