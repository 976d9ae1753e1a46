package io.musicstream.projections.catalog.search;

import io.musicstream.projections.catalog.search.CatalogSearch.Filters;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON bodies of catalog searches and suggestions, over text already folded by {@link SearchText}. */
final class SearchRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("name^3", "artist_names^2", "album");
    private static final List<String> FUZZY_FIELDS = List.of("name^3", "artist_names^2");
    private static final List<String> SOURCE_FIELDS = List.of("id", "display_name", "display_artists", "release_id",
            "release_year", "duration_ms", "explicit");

    private SearchRequests() {
    }

    /** One query over all {@code kinds}, with a bucket of top hits per kind; {@code typos} adds fuzzy matching. */
    static ObjectNode search(String folded, List<String> kinds, Filters filters, int limit, int offset,
                             boolean typos) {
        ObjectNode body = NODES.objectNode().put("size", 0);
        ObjectNode query = body.putObject("query").putObject("bool");
        ObjectNode byKind = query.putArray("filter").addObject().putObject("bool").put("minimum_should_match", 1);
        for (String kind : kinds) {
            ObjectNode k = byKind.withArrayProperty("should").addObject().putObject("bool");
            k.withArrayProperty("filter").add(term("kind", kind));
            available(k, kind, filters.territory());
            narrow(k, kind, filters);
        }
        query.putArray("must").add(relevance(folded, typos));
        // no track_scores: the score is the first sort value, and tracking it would make Elasticsearch score the
        // query again for every bucket's hits
        ObjectNode byKindAgg = body.putObject("aggs").putObject("kinds");
        byKindAgg.putObject("terms").put("field", "kind").put("size", kinds.size());
        ObjectNode topHits = byKindAgg.putObject("aggs").putObject("top").putObject("top_hits")
                .put("from", offset).put("size", limit);
        SOURCE_FIELDS.forEach(topHits.putObject("_source").putArray("includes")::add);
        ArrayNode sort = topHits.putArray("sort");
        sort.addObject().putObject("_score").put("order", "desc");
        sort.addObject().putObject("popularity").put("order", "desc");
        return body;
    }

    /**
     * Completions of available items. The display name comes from doc values and kind and id from the document
     * id ({@code kind:id}): loading and filtering each suggestion's source costs more.
     */
    static ObjectNode suggest(String folded, int size, boolean typos) {
        ObjectNode body = NODES.objectNode().put("_source", false);
        body.putArray("docvalue_fields").add("display_name");
        ObjectNode completion = body.putObject("suggest").putObject("names").put("prefix", folded)
                .putObject("completion").put("field", "suggest").put("size", size).put("skip_duplicates", true);
        completion.putObject("contexts").putArray("available").addObject().put("context", "yes");
        if (typos) {
            completion.putObject("fuzzy").put("fuzziness", "1").put("prefix_length", 2);
        }
        return body;
    }

    private static ObjectNode relevance(String folded, boolean typos) {
        ObjectNode bool = NODES.objectNode();
        ArrayNode should = bool.putObject("bool").put("minimum_should_match", 1).putArray("should");
        should.addObject().putObject("term").putObject("name.exact").put("value", folded).put("boost", 12);
        multiMatch(should, folded, FIELDS).put("type", "phrase").put("boost", 6);
        multiMatch(should, folded, FIELDS).put("type", "cross_fields").put("operator", "and").put("boost", 4);
        should.addObject().putObject("match_bool_prefix").putObject("name").put("query", folded)
                .put("operator", "and").put("boost", 2);
        if (typos) {
            multiMatch(should, folded, FUZZY_FIELDS).put("fuzziness", "AUTO").put("prefix_length", 1)
                    .put("max_expansions", 10).put("operator", "and");
        }
        return bool;
    }

    private static ObjectNode multiMatch(ArrayNode should, String folded, List<String> fields) {
        ObjectNode multiMatch = should.addObject().putObject("multi_match").put("query", folded);
        fields.forEach(multiMatch.putArray("fields")::add);
        return multiMatch;
    }

    /** Taken-down tracks never appear; with a territory, only tracks licensed and not blocked there. */
    private static void available(ObjectNode bool, String kind, String territory) {
        bool.withArrayProperty("must_not").add(term("taken_down", true));
        if (territory != null && kind.equals("track")) {
            bool.withArrayProperty("filter").addObject().putObject("terms").putArray("territories")
                    .add(territory).add("WW");
            bool.withArrayProperty("must_not").add(term("blocked_territories", territory));
        }
    }

    private static void narrow(ObjectNode bool, String kind, Filters filters) {
        if (kind.equals("artist")) {
            return;
        }
        if (filters.genres() != null && !filters.genres().isEmpty()) {
            ArrayNode genres = bool.withArrayProperty("filter").addObject().putObject("terms").putArray("genres");
            filters.genres().forEach(genres::add);
        }
        if (filters.yearFrom() != null || filters.yearTo() != null) {
            ObjectNode range = bool.withArrayProperty("filter").addObject().putObject("range")
                    .putObject("release_year");
            if (filters.yearFrom() != null) {
                range.put("gte", filters.yearFrom());
            }
            if (filters.yearTo() != null) {
                range.put("lte", filters.yearTo());
            }
        }
        if (Boolean.FALSE.equals(filters.explicit()) && kind.equals("track")) {
            bool.withArrayProperty("must_not").add(term("explicit", true));
        } else if (Boolean.TRUE.equals(filters.explicit()) && kind.equals("track")) {
            bool.withArrayProperty("filter").add(term("explicit", true));
        }
    }

    private static ObjectNode term(String field, String value) {
        ObjectNode term = NODES.objectNode();
        term.putObject("term").put(field, value);
        return term;
    }

    private static ObjectNode term(String field, boolean value) {
        ObjectNode term = NODES.objectNode();
        term.putObject("term").put(field, value);
        return term;
    }
}
