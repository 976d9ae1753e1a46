package io.musicstream.query.library;

import io.musicstream.events.library.LibraryItemType;
import io.musicstream.projections.catalog.browse.CatalogBrowse;
import io.musicstream.projections.library.LibraryListing;
import io.musicstream.projections.library.ReadYourWrites;
import io.musicstream.query.catalog.browse.Territories;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The caller's saved tracks and albums and followed artists. */
@RestController
@RequestMapping("/api/v1/me/library")
class LibraryController {

    private static final int MAX_LIMIT = 500;

    private final LibraryListing listing;
    private final LibraryItems items;
    private final Territories territories;
    private final ReadYourWrites readYourWrites;

    LibraryController(LibraryListing listing, LibraryItems items, Territories territories,
                             ReadYourWrites readYourWrites) {
        this.listing = listing;
        this.items = items;
        this.territories = territories;
        this.readYourWrites = readYourWrites;
    }

    /** Newest first; {@code minToken} waits for the caller's own write (a write's {@code syncToken}). */
    @GetMapping("/{section}")
    public CatalogBrowse.Page<LibraryItem> list(@PathVariable String section,
                                                @RequestParam(defaultValue = "50") int limit,
                                                @RequestParam(defaultValue = "0") int offset,
                                                @RequestParam(required = false) Long minToken,
                                                Principal user) {
        String itemType = LibraryItemType.ofSection(section).map(LibraryItemType::wireName)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no library section '" + section + "'; use tracks, albums or artists"));
        if (limit < 1 || limit > MAX_LIMIT || offset < 0 || (minToken != null && minToken < 0)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT
                    + "; offset and minToken must not be negative");
        }
        readYourWrites.await(user.getName(), minToken);
        LibraryListing.Section saved = listing.list(user.getName(), itemType, limit, offset);
        return new CatalogBrowse.Page<>(saved.total(), limit, offset,
                items.describe(saved.items(), itemType, territories.ofCaller(user)));
    }
}
