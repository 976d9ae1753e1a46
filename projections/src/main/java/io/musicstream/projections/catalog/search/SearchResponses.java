package io.musicstream.projections.catalog.search;

import io.musicstream.projections.catalog.search.CatalogSearch.KindResults;
import io.musicstream.projections.catalog.search.CatalogSearch.SearchHit;
import io.musicstream.projections.catalog.search.CatalogSearch.Suggestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads search and suggest responses, trimmed by the filter paths here to the fields read. */
final class SearchResponses {

    static final String SEARCH_FILTER = "aggregations.kinds.buckets.key,aggregations.kinds.buckets.doc_count,"
            + "aggregations.kinds.buckets.top.hits.hits._source,aggregations.kinds.buckets.top.hits.hits.sort";
    static final String SUGGEST_FILTER = "suggest.names.options._id,suggest.names.options.fields";

    private SearchResponses() {
    }

    /** Results of each of {@code kinds}, in that order; a kind nothing matched has none. */
    static Map<String, KindResults> byKind(JsonNode response, List<String> kinds) {
        Map<String, KindResults> found = new LinkedHashMap<>();
        for (JsonNode bucket : response.path("aggregations").path("kinds").path("buckets")) {
            List<SearchHit> items = new ArrayList<>();
            for (JsonNode hit : bucket.path("top").path("hits").path("hits")) {
                items.add(hit(hit.path("_source"), hit.path("sort").path(0).doubleValue()));
            }
            found.put(bucket.path("key").asString(), new KindResults(bucket.path("doc_count").asLong(), items));
        }
        Map<String, KindResults> results = new LinkedHashMap<>();
        kinds.forEach(kind -> results.put(kind, found.getOrDefault(kind, new KindResults(0, List.of()))));
        return results;
    }

    /** Up to {@code size} suggestions, one per display name (case-insensitive). */
    static List<Suggestion> suggestions(JsonNode response, int size) {
        Set<String> seen = new LinkedHashSet<>();
        List<Suggestion> suggestions = new ArrayList<>();
        for (JsonNode option : response.path("suggest").path("names").path(0).path("options")) {
            String display = option.path("fields").path("display_name").path(0).asString();
            String docId = option.path("_id").asString();
            int colon = docId.indexOf(':');
            if (seen.add(display.toLowerCase(Locale.ROOT)) && suggestions.size() < size) {
                suggestions.add(new Suggestion(docId.substring(0, colon), docId.substring(colon + 1), display));
            }
        }
        return suggestions;
    }

    private static SearchHit hit(JsonNode doc, double score) {
        List<String> artists = new ArrayList<>();
        doc.path("display_artists").forEach(a -> artists.add(a.asString()));
        JsonNode year = doc.path("release_year");
        JsonNode duration = doc.path("duration_ms");
        JsonNode explicit = doc.path("explicit");
        return new SearchHit(doc.path("id").stringValue(null), doc.path("display_name").stringValue(null), artists,
                doc.path("release_id").stringValue(null), year.isNumber() ? year.intValue() : null,
                duration.isNumber() ? duration.longValue() : null,
                explicit.isBoolean() ? explicit.booleanValue() : null, score);
    }
}
