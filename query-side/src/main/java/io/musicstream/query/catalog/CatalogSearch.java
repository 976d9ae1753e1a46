package io.musicstream.query.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionContext;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import io.musicstream.projections.catalog.CatalogIndex;
import io.musicstream.projections.common.SearchText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Catalog search over the Elasticsearch projection. Exact and phrase matches score above matches of words
 * spread over fields, which score above prefix and typo-tolerant matches; popularity breaks ties. Tracks
 * taken down, or not available in the caller's territory, are filtered out.
 */
@Service
public class CatalogSearch {

    public static final Set<String> KINDS = Set.of("track", "album", "artist");
    private static final String[] FIELDS = {"name^3", "artist_names^2", "album"};
    private static final List<String> SOURCE_FIELDS = List.of("id", "display_name", "display_artists", "release_id",
            "release_year", "duration_ms", "explicit");

    private final ElasticsearchClient client;
    private final CatalogIndex index;

    public CatalogSearch(ElasticsearchClient client, CatalogIndex index) {
        this.client = client;
        this.index = index;
    }

    /** What narrows a search; null fields do not filter. */
    public record Filters(String territory, List<String> genres, Integer yearFrom, Integer yearTo, Boolean explicit) {
        public static final Filters NONE = new Filters(null, List.of(), null, null, null);
    }

    public record SearchHit(String id, String name, List<String> artists, String releaseId, Integer year,
                            Long durationMs, Boolean explicit, double score) {
    }

    public record KindResults(long total, List<SearchHit> items) {
    }

    public record Suggestion(String kind, String id, String text) {
    }

    /**
     * Results grouped by kind, each with its total, in the order the kinds were asked for. One query runs
     * over all kinds; a terms aggregation on the kind gives the totals and its top hits the results.
     */
    public Map<String, KindResults> search(String text, List<String> kinds, Filters filters, int limit, int offset) {
        index.ensureExists();
        String folded = SearchText.fold(text);
        Map<String, KindResults> exact = search(folded, kinds, filters, limit, offset, false);
        long found = exact.values().stream().mapToLong(KindResults::total).sum();
        return found >= limit + offset ? exact : search(folded, kinds, filters, limit, offset, true);
    }

    /**
     * Typo tolerance is the costly part of a query, so it is only paid for when the exact, phrase, cross-field
     * and prefix matches alone do not fill the page.
     */
    @SuppressWarnings("unchecked")
    private Map<String, KindResults> search(String folded, List<String> kinds, Filters filters, int limit, int offset,
                                            boolean typos) {
        Query query = Query.of(q -> q.bool(b -> b
                .filter(f -> f.bool(byKind -> {
                    for (String kind : kinds) {
                        byKind.should(s -> s.bool(k -> {
                            k.filter(t -> t.term(term -> term.field("kind").value(kind)));
                            available(k, kind, filters.territory());
                            narrow(k, kind, filters);
                            return k;
                        }));
                    }
                    return byKind.minimumShouldMatch("1");
                }))
                .must(m -> m.bool(relevance(folded, typos)))));
        try {
            SearchResponse<Map> response = client.search(s -> s.index(CatalogIndex.ALIAS).query(query).size(0)
                    .aggregations("kinds", a -> a
                            .terms(t -> t.field("kind").size(kinds.size()))
                            .aggregations("top", top -> top.topHits(h -> h.from(offset).size(limit).trackScores(true)
                                    .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))
                                    .sort(so -> so.score(sc -> sc.order(SortOrder.Desc)))
                                    .sort(so -> so.field(f -> f.field("popularity").order(SortOrder.Desc)))))),
                    Map.class);
            Map<String, KindResults> found = new LinkedHashMap<>();
            for (StringTermsBucket bucket : response.aggregations().get("kinds").sterms().buckets().array()) {
                List<SearchHit> items = bucket.aggregations().get("top").topHits().hits().hits().stream()
                        .map(h -> hit(h.source().to(Map.class), h.score())).toList();
                found.put(bucket.key().stringValue(), new KindResults(bucket.docCount(), items));
            }
            Map<String, KindResults> results = new LinkedHashMap<>();
            kinds.forEach(kind -> results.put(kind, found.getOrDefault(kind, new KindResults(0, List.of()))));
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }

    /**
     * Up to {@code size} completions of what the user is typing, available items only, no duplicates. Exact
     * prefixes first; typo-tolerant (fuzzy) completion, which costs far more, only when they are too few.
     */
    public List<Suggestion> suggest(String prefix, int size) {
        index.ensureExists();
        String folded = SearchText.fold(prefix);
        List<Suggestion> exact = suggest(folded, size, false);
        if (exact.size() >= size || folded.length() < 4) {
            return exact;
        }
        List<Suggestion> merged = new ArrayList<>(exact);
        Set<String> seen = new LinkedHashSet<>();
        exact.forEach(s -> seen.add(s.text().toLowerCase(Locale.ROOT)));
        for (Suggestion s : suggest(folded, size, true)) {
            if (merged.size() < size && seen.add(s.text().toLowerCase(Locale.ROOT))) {
                merged.add(s);
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private List<Suggestion> suggest(String folded, int size, boolean typos) {
        try {
            SearchResponse<Map> response = client.search(s -> s.index(CatalogIndex.ALIAS)
                    .source(src -> src.filter(f -> f.includes("kind", "id", "display_name")))
                    .suggest(su -> su.suggesters("names", fs -> fs.prefix(folded).completion(c -> {
                        c.field("suggest").size(size).skipDuplicates(true).contexts("available",
                                List.of(CompletionContext.of(cc -> cc.context(ctx -> ctx.category("yes")))));
                        return typos ? c.fuzzy(fz -> fz.fuzziness("1").prefixLength(2)) : c;
                    }))),
                    Map.class);
            Set<String> seen = new LinkedHashSet<>();
            List<Suggestion> suggestions = new ArrayList<>();
            for (var option : response.suggest().get("names").get(0).completion().options()) {
                CompletionSuggestOption<Map> o = option;
                Map<String, Object> doc = o.source();
                String display = doc == null ? o.text() : (String) doc.get("display_name");
                if (seen.add(display.toLowerCase(Locale.ROOT)) && suggestions.size() < size) {
                    suggestions.add(new Suggestion(doc == null ? null : (String) doc.get("kind"),
                            doc == null ? null : (String) doc.get("id"), display));
                }
            }
            return suggestions;
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }

    private static BoolQuery relevance(String folded, boolean typos) {
        return BoolQuery.of(s -> {
            s
                .should(x -> x.term(t -> t.field("name.exact").value(folded).boost(12f)))
                .should(x -> x.multiMatch(mm -> mm.query(folded).fields(List.of(FIELDS)).type(TextQueryType.Phrase)
                        .boost(6f)))
                .should(x -> x.multiMatch(mm -> mm.query(folded).fields(List.of(FIELDS)).type(TextQueryType.CrossFields)
                        .operator(Operator.And).boost(4f)))
                .should(x -> x.matchBoolPrefix(p -> p.field("name").query(folded).operator(Operator.And).boost(2f)))
                .minimumShouldMatch("1");
            if (typos) {
                s.should(x -> x.multiMatch(mm -> mm.query(folded).fields(List.of("name^3", "artist_names^2"))
                        .fuzziness("AUTO").prefixLength(1).maxExpansions(10).operator(Operator.And)));
            }
            return s;
        });
    }

    /** Taken-down tracks never appear; with a territory, only tracks licensed and not blocked there. */
    private static void available(BoolQuery.Builder b, String kind, String territory) {
        b.mustNot(n -> n.term(t -> t.field("taken_down").value(true)));
        if (territory != null && kind.equals("track")) {
            b.filter(f -> f.terms(t -> t.field("territories")
                    .terms(v -> v.value(List.of(FieldValue.of(territory), FieldValue.of("WW"))))));
            b.mustNot(n -> n.term(t -> t.field("blocked_territories").value(territory)));
        }
    }

    private static void narrow(BoolQuery.Builder b, String kind, Filters filters) {
        if (kind.equals("artist")) {
            return;
        }
        if (filters.genres() != null && !filters.genres().isEmpty()) {
            b.filter(f -> f.terms(t -> t.field("genres")
                    .terms(v -> v.value(filters.genres().stream().map(FieldValue::of).toList()))));
        }
        if (filters.yearFrom() != null || filters.yearTo() != null) {
            b.filter(f -> f.range(r -> r.number(n -> {
                n.field("release_year");
                if (filters.yearFrom() != null) {
                    n.gte(filters.yearFrom().doubleValue());
                }
                if (filters.yearTo() != null) {
                    n.lte(filters.yearTo().doubleValue());
                }
                return n;
            })));
        }
        if (Boolean.FALSE.equals(filters.explicit()) && kind.equals("track")) {
            b.mustNot(n -> n.term(t -> t.field("explicit").value(true)));
        } else if (Boolean.TRUE.equals(filters.explicit()) && kind.equals("track")) {
            b.filter(f -> f.term(t -> t.field("explicit").value(true)));
        }
    }

    @SuppressWarnings("unchecked")
    private static SearchHit hit(Map<String, Object> doc, Double score) {
        Object duration = doc.get("duration_ms");
        Object year = doc.get("release_year");
        return new SearchHit((String) doc.get("id"), (String) doc.get("display_name"),
                (List<String>) doc.getOrDefault("display_artists", List.of()), (String) doc.get("release_id"),
                year == null ? null : ((Number) year).intValue(),
                duration == null ? null : ((Number) duration).longValue(), (Boolean) doc.get("explicit"),
                score == null ? 0 : score);
    }
}
