package io.musicstream.projections.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Catalog search over the Elasticsearch projection. Exact and phrase matches score above matches of words
 * spread over fields, which score above prefix and typo-tolerant matches; popularity breaks ties. Tracks
 * taken down, or not available in the caller's territory, are filtered out. {@link SearchRequests} builds
 * the queries, {@link SearchEndpoint} sends them and {@link SearchResponses} reads the answers.
 */
@Service
public class CatalogSearch {

    public static final Set<String> KINDS = Set.of("track", "album", "artist");
    /**
     * How deep a search can page (offset + limit): results come from a top_hits aggregation, which Elasticsearch
     * caps at the index's {@code index.max_inner_result_window} (100 by default).
     */
    public static final int MAX_WINDOW = 100;

    private final SearchEndpoint endpoint;
    private final CatalogIndex index;

    CatalogSearch(SearchEndpoint endpoint, CatalogIndex index) {
        this.endpoint = endpoint;
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
        return SearchResponses.byKind(endpoint.post(SearchRequests.search(folded, kinds, filters, limit, offset, typos),
                SearchResponses.SEARCH_FILTER), kinds);
    }

    /**
     * Up to {@code size} completions of what the user is typing, available items only, no duplicates. Exact
     * prefixes first; typo-tolerant (fuzzy) completion, which costs far more, only when they are too few.
     */
    public List<Suggestion> suggest(String prefix, int size) {
        index.ensureExists();
        String folded = SearchText.fold(prefix).strip();
        if (folded.isEmpty()) {
            return List.of();
        }
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

    private List<Suggestion> suggest(String folded, int size, boolean typos) {
        return SearchResponses.suggestions(endpoint.post(SearchRequests.suggest(folded, size, typos),
                SearchResponses.SUGGEST_FILTER), size);
    }
}
