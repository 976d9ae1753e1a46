package io.musicstream.query.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.musicstream.projections.catalog.CatalogIndex;
import io.musicstream.projections.common.SearchText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Full-text catalog search over the Elasticsearch projection. */
@Service
public class CatalogSearch {

    public static final Set<String> KINDS = Set.of("track", "album", "artist");

    private final ElasticsearchClient client;
    private final CatalogIndex index;

    public CatalogSearch(ElasticsearchClient client, CatalogIndex index) {
        this.client = client;
        this.index = index;
    }

    public record SearchHit(String id, String name, List<String> artists, String releaseId, Long durationMs,
                            Boolean explicit, double score) {
    }

    public record KindResults(long total, List<SearchHit> items) {
    }

    /** Results grouped by kind, each with its total, in the order the kinds were asked for. */
    @SuppressWarnings("unchecked")
    public Map<String, KindResults> search(String text, List<String> kinds, String territory, int limit, int offset) {
        index.ensureExists();
        String folded = SearchText.fold(text);
        Map<String, KindResults> results = new LinkedHashMap<>();
        for (String kind : kinds) {
            Query query = Query.of(q -> q.bool(b -> {
                b.filter(f -> f.term(t -> t.field("kind").value(kind)));
                b.mustNot(n -> n.term(t -> t.field("taken_down").value(true)));
                if (territory != null && kind.equals("track")) {
                    b.filter(f -> f.terms(t -> t.field("territories")
                            .terms(v -> v.value(List.of(co.elastic.clients.elasticsearch._types.FieldValue.of(territory),
                                    co.elastic.clients.elasticsearch._types.FieldValue.of("WW"))))));
                }
                b.must(m -> m.bool(s -> s
                        .should(x -> x.multiMatch(mm -> mm.query(folded).fields("name^3", "artist_names", "album")
                                .type(TextQueryType.CrossFields).operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And).boost(4f)))
                        .should(x -> x.multiMatch(mm -> mm.query(folded).fields("name^3", "artist_names", "album")
                                .fuzziness("AUTO").prefixLength(1)))
                        .should(x -> x.matchPhrasePrefix(p -> p.field("name").query(folded).boost(2f)))
                        .minimumShouldMatch("1")));
                return b;
            }));
            try {
                SearchResponse<Map> response = client.search(s -> s.index(CatalogIndex.ALIAS).query(query)
                        .from(offset).size(limit).trackTotalHits(t -> t.enabled(true))
                        .sort(so -> so.score(sc -> sc))
                        .sort(so -> so.field(f -> f.field("popularity").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))),
                        Map.class);
                List<SearchHit> items = response.hits().hits().stream().map(CatalogSearch::hit).toList();
                long total = response.hits().total() == null ? items.size() : response.hits().total().value();
                results.put(kind, new KindResults(total, items));
            } catch (IOException e) {
                throw new UncheckedIOException("search index unreachable", e);
            }
        }
        return results;
    }

    @SuppressWarnings("unchecked")
    private static SearchHit hit(Hit<Map> hit) {
        Map<String, Object> doc = hit.source();
        Object duration = doc.get("duration_ms");
        return new SearchHit((String) doc.get("id"), (String) doc.get("display_name"),
                (List<String>) doc.getOrDefault("display_artists", List.of()), (String) doc.get("release_id"),
                duration == null ? null : ((Number) duration).longValue(), (Boolean) doc.get("explicit"),
                hit.score() == null ? 0 : hit.score());
    }
}
