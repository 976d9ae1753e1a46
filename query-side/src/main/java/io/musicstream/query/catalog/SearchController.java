package io.musicstream.query.catalog;

import io.musicstream.projections.catalog.search.CatalogSearch;
import io.musicstream.query.catalog.browse.Territories;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Validated
@RequestMapping("/api/v1/search")
class SearchController {

    private final CatalogSearch search;
    private final Territories territories;

    SearchController(CatalogSearch search, Territories territories) {
        this.search = search;
        this.territories = territories;
    }

    public record SearchResults(String query, Map<String, CatalogSearch.KindResults> results) {
    }

    public record Suggestions(String query, List<CatalogSearch.Suggestion> suggestions) {
    }

    @GetMapping
    public SearchResults search(@RequestParam @NotBlank @Size(max = 200) String q,
                                @RequestParam(defaultValue = "track,album,artist") String type,
                                @RequestParam(required = false) String territory,
                                @RequestParam(required = false) List<@Size(max = 50) String> genre,
                                @RequestParam(required = false) @Min(1900) @Max(2100) Integer yearFrom,
                                @RequestParam(required = false) @Min(1900) @Max(2100) Integer yearTo,
                                @RequestParam(required = false) Boolean explicit,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(CatalogSearch.MAX_WINDOW) int offset,
                                Principal caller) {
        List<String> kinds = Arrays.stream(type.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> unknown = kinds.stream().filter(k -> !CatalogSearch.KINDS.contains(k)).toList();
        if (kinds.isEmpty() || !unknown.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "type must list track, album or artist; unknown: " + unknown);
        }
        if (offset + limit > CatalogSearch.MAX_WINDOW) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "offset + limit must be at most "
                    + CatalogSearch.MAX_WINDOW + " (the deepest result search can page to); got " + (offset + limit));
        }
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "yearFrom must not be after yearTo");
        }
        CatalogSearch.Filters filters = new CatalogSearch.Filters(territories.of(territory, caller),
                genre == null ? List.of() : genre,
                yearFrom, yearTo, explicit);
        return new SearchResults(q, search.search(q, kinds, filters, limit, offset));
    }

    /** Completions as the user types: up to 10 names of available artists, albums and tracks. */
    @GetMapping("/suggest")
    public Suggestions suggest(@RequestParam @NotBlank @Size(max = 100) String q,
                               @RequestParam(defaultValue = "10") @Min(1) @Max(10) int limit) {
        return new Suggestions(q, search.suggest(q, limit));
    }
}
