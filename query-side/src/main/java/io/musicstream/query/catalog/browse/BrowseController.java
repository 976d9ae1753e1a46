package io.musicstream.query.catalog.browse;

import io.musicstream.projections.catalog.browse.CatalogBrowse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Catalog browsing for any signed-in user: artist, album and track pages, new releases, genres. Pages that
 * show tracks take an optional {@code territory} (ISO 3166-1 alpha-2; default: the caller's country) and mark
 * what cannot be played there.
 */
@RestController
@Validated
@RequestMapping("/api/v1")
class BrowseController {

    private final CatalogBrowse browse;
    private final Territories territories;

    BrowseController(CatalogBrowse browse, Territories territories) {
        this.browse = browse;
        this.territories = territories;
    }

    @GetMapping("/artists/{artistId}")
    public CatalogBrowse.ArtistPage artist(@PathVariable String artistId,
                                           @RequestParam(required = false) String territory,
                                           Principal caller) {
        return browse.artist(artistId, territories.of(territory, caller))
                .orElseThrow(() -> notFound("no artist " + artistId));
    }

    @GetMapping("/albums/{releaseId}")
    public CatalogBrowse.AlbumPage album(@PathVariable String releaseId,
                                         @RequestParam(required = false) String territory,
                                         Principal caller) {
        return browse.album(releaseId, territories.of(territory, caller))
                .orElseThrow(() -> notFound("no album " + releaseId));
    }

    @GetMapping("/tracks/{trackId}")
    public CatalogBrowse.TrackPage track(@PathVariable String trackId,
                                         @RequestParam(required = false) String territory,
                                         Principal caller) {
        return browse.track(trackId, territories.of(territory, caller))
                .orElseThrow(() -> notFound("no track " + trackId));
    }

    @GetMapping("/browse/new-releases")
    public CatalogBrowse.Page<CatalogBrowse.ReleaseSummary> newReleases(
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int offset) {
        return browse.newReleases(limit, offset);
    }

    public record Genres(List<CatalogBrowse.GenreCount> genres) {
    }

    @GetMapping("/browse/genres")
    public Genres genres() {
        return new Genres(browse.genres());
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
