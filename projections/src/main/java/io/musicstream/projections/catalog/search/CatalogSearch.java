package io.musicstream.projections.catalog.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Catalog search over the Elasticsearch projection. Exact and phrase matches score above matches of words
 * spread over fields, which score above prefix and typo-tolerant matches; popularity breaks ties. Tracks
 * taken down, or not available in the caller's territory, are filtered out.
 *
 * <p>Requests go through the low-level REST client as JSON built here, and {@code filter_path} trims the
 * responses to the fields read: building typed requests and mapping whole responses cost this process two to
 * three times the CPU per request.
 */
@Service
public class CatalogSearch {

    public static final Set<String> KINDS = Set.of("track", "album", "artist");
    /**
     * How deep a search can page (offset + limit): results come from a top_hits aggregation, which Elasticsearch
     * caps at the index's {@code index.max_inner_result_window} (100 by default).
     */
    public static final int MAX_WINDOW = 100;
    private static final List<String> FIELDS = List.of("name^3", "artist_names^2", "album");
    private static final List<String> FUZZY_FIELDS = List.of("name^3", "artist_names^2");
    private static final List<String> SOURCE_FIELDS = List.of("id", "display_name", "display_artists", "release_id",
            "release_year", "duration_ms", "explicit");
    private static final String SEARCH_PATH = "/" + CatalogIndex.ALIAS + "/_search";
    private static final String SEARCH_FILTER = "aggregations.kinds.buckets.key,aggregations.kinds.buckets.doc_count,"
            + "aggregations.kinds.buckets.top.hits.hits._source,aggregations.kinds.buckets.top.hits.hits.sort";
    private static final String SUGGEST_FILTER = "suggest.names.options._id,suggest.names.options.fields";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private final CatalogIndex index;

    public CatalogSearch(RestClient client, CatalogIndex index) {
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
    private Map<String, KindResults> search(String folded, List<String> kinds, Filters filters, int limit, int offset,
                                            boolean typos) {
        ObjectNode body = JSON.createObjectNode().put("size", 0);
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

        Map<String, KindResults> found = new LinkedHashMap<>();
        for (JsonNode bucket : post(body, SEARCH_FILTER).path("aggregations").path("kinds").path("buckets")) {
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

    /**
     * The display name comes from doc values and kind and id from the document id ({@code kind:id}): loading and
     * filtering each suggestion's source costs more.
     */
    private List<Suggestion> suggest(String folded, int size, boolean typos) {
        ObjectNode body = JSON.createObjectNode().put("_source", false);
        body.putArray("docvalue_fields").add("display_name");
        ObjectNode completion = body.putObject("suggest").putObject("names").put("prefix", folded)
                .putObject("completion").put("field", "suggest").put("size", size).put("skip_duplicates", true);
        completion.putObject("contexts").putArray("available").addObject().put("context", "yes");
        if (typos) {
            completion.putObject("fuzzy").put("fuzziness", "1").put("prefix_length", 2);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Suggestion> suggestions = new ArrayList<>();
        for (JsonNode option : post(body, SUGGEST_FILTER).path("suggest").path("names").path(0).path("options")) {
            String display = option.path("fields").path("display_name").path(0).asString();
            String docId = option.path("_id").asString();
            int colon = docId.indexOf(':');
            if (seen.add(display.toLowerCase(Locale.ROOT)) && suggestions.size() < size) {
                suggestions.add(new Suggestion(docId.substring(0, colon), docId.substring(colon + 1), display));
            }
        }
        return suggestions;
    }

    private JsonNode post(ObjectNode body, String filterPath) {
        Request request = new Request("POST", SEARCH_PATH);
        request.addParameter("filter_path", filterPath);
        request.setEntity(new NByteArrayEntity(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        try (InputStream in = client.performRequest(request).getEntity().getContent()) {
            return JSON.readTree(in);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 429 || status >= 500) {
                throw new UncheckedIOException("search index unavailable", e);
            }
            throw new IllegalStateException("search request refused", e);
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }

    private static ObjectNode relevance(String folded, boolean typos) {
        ObjectNode bool = JSON.createObjectNode();
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
        ObjectNode term = JSON.createObjectNode();
        term.putObject("term").put(field, value);
        return term;
    }

    private static ObjectNode term(String field, boolean value) {
        ObjectNode term = JSON.createObjectNode();
        term.putObject("term").put(field, value);
        return term;
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
