package io.musicstream.query.catalog;

import io.musicstream.projections.catalog.search.CatalogIndexRebuild;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Rebuilds the search index from the event store while the current index keeps serving. */
@RestController
@RequestMapping("/api/v1/admin/search-index/rebuild")
@PreAuthorize("hasRole('ADMIN')")
class SearchIndexAdminController {

    private final CatalogIndexRebuild rebuild;

    SearchIndexAdminController(CatalogIndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    public ResponseEntity<CatalogIndexRebuild.Progress> start() {
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
        } catch (IllegalStateException running) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, running.getMessage());
        }
    }

    @GetMapping
    public CatalogIndexRebuild.Progress progress() {
        CatalogIndexRebuild.Progress progress = rebuild.progress();
        if (progress == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no rebuild has run since this node started");
        }
        return progress;
    }
}
