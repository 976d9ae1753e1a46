package io.musicstream.query.playlist;

import io.musicstream.projections.catalog.browse.CatalogBrowse;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ArtistRef;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TrackSummary;
import io.musicstream.projections.playlist.Playlists;
import io.musicstream.query.catalog.browse.Territories;
import io.musicstream.query.playlist.PlaylistViews.Changes;
import io.musicstream.query.playlist.PlaylistViews.Details;
import io.musicstream.query.playlist.PlaylistViews.Item;
import io.musicstream.query.playlist.PlaylistViews.ItemPage;
import io.musicstream.query.playlist.PlaylistViews.Summary;
import io.musicstream.query.playlist.PlaylistViews.SummaryPage;
import io.musicstream.query.playlist.PlaylistViews.UserRef;
import io.musicstream.query.playlist.formats.PlaylistDocument;
import io.musicstream.query.playlist.formats.PlaylistEntry;
import io.musicstream.query.playlist.formats.PlaylistFormat;
import io.musicstream.query.playlist.formats.PlaylistFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Playlists as readers see them. A private playlist is a 404 to anyone but its owner and collaborators, as a
 * deleted one is to everyone. {@code minSnapshot} (a write's {@code snapshotId}) waits until the read model has
 * it, so a client reads its own write.
 */
@RestController
class PlaylistController {

    static final int MAX_ID = 100;
    static final int MAX_LIMIT = 100;
    static final int MAX_OFFSET = 1_000_000;

    private final Playlists playlists;
    private final CatalogBrowse catalog;
    private final Territories territories;
    private final PlaylistFormats formats;

    PlaylistController(Playlists playlists, CatalogBrowse catalog, Territories territories, PlaylistFormats formats) {
        this.playlists = playlists;
        this.catalog = catalog;
        this.territories = territories;
        this.formats = formats;
    }

    @GetMapping(path = "/api/v1/playlists/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Details details(@PathVariable String id, @RequestParam(required = false) Long minSnapshot,
                           Principal user) {
        Playlists.Details details = visible(id, minSnapshot, user);
        boolean owner = details.ownerId().equals(user.getName());
        return new Details(details.playlistId(), new UserRef(details.ownerId()), details.name(),
                details.description(), details.isPublic(), details.collaborative(), details.snapshotId(),
                details.itemCount(), details.updatedAt(),
                details.collaborators().stream().map(UserRef::new).toList(), owner ? details.invitations() : null);
    }

    /**
     * The playlist as a file: XSPF, JSPF or extended M3U by {@code Accept}, every item in order with its track's
     * title, artists, album, duration and ISRC, and our track URL as its location, so another service (or this
     * one's import) can find the recordings. The items are read at one snapshot; at most 10,000 make about 3 MB,
     * written in memory first so that a failure is still a problem response.
     */
    @GetMapping(path = "/api/v1/playlists/{id}", produces = {"application/xspf+xml", "application/jspf+json",
            "audio/x-mpegurl"})
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestHeader(HttpHeaders.ACCEPT) String accept,
                                  Principal user) throws IOException {
        PlaylistFormat format = MediaType.parseMediaTypes(accept).stream()
                .map(type -> PlaylistFormat.forMediaType(type.getType() + "/" + type.getSubtype()))
                .flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE));
        Playlists.Details details = visible(id, null, user);
        List<Playlists.Item> items = playlists.items(id, Integer.MAX_VALUE, 0).map(Playlists.ItemPage::items)
                .orElseThrow(() -> notFound(id));
        Map<String, TrackSummary> tracks = catalog.trackSummaries(
                items.stream().map(Playlists.Item::trackId).collect(Collectors.toSet()), null);
        List<PlaylistEntry> entries = new ArrayList<>(items.size());
        for (Playlists.Item item : items) {
            TrackSummary track = tracks.get(item.trackId());
            entries.add(track == null ? new PlaylistEntry(null, null, null, null, null, item.trackId(), null)
                    : new PlaylistEntry(track.title(), track.artists().stream().map(ArtistRef::name)
                            .collect(Collectors.joining(", ")), track.release() == null ? null : track.release().title(),
                            track.durationMs(), track.isrc(), item.trackId(), null));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        formats.writer(format).write(new PlaylistDocument(details.name(), details.ownerId(), details.description(),
                entries), body);
        String type = format == PlaylistFormat.M3U ? format.mediaType() + ";charset=utf-8" : format.mediaType();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"playlist." + format.fileExtension()
                        + "\"")
                .body(body.toByteArray());
    }

    /** Items from {@code offset} in playlist order, each with its catalog track and whether the caller can play it. */
    @GetMapping("/api/v1/playlists/{id}/items")
    public ItemPage items(@PathVariable String id, @RequestParam(defaultValue = "100") int limit,
                          @RequestParam(defaultValue = "0") int offset,
                          @RequestParam(required = false) Long minSnapshot, Principal user) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0 || offset > MAX_OFFSET) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT
                    + ", offset between 0 and " + MAX_OFFSET);
        }
        visible(id, minSnapshot, user);
        Playlists.ItemPage page = playlists.items(id, limit, offset).orElseThrow(() -> notFound(id));
        Set<String> trackIds = page.items().stream().map(Playlists.Item::trackId).collect(Collectors.toSet());
        Map<String, TrackSummary> tracks = catalog.trackSummaries(trackIds, territories.ofCaller(user));
        return new ItemPage(page.snapshotId(), page.total(), limit, offset, page.items().stream().map(i -> {
            TrackSummary track = tracks.get(i.trackId());
            return new Item(i.position(), i.itemId(), i.trackId(), new UserRef(i.addedBy()), i.addedAt(), track,
                    track != null && track.available());
        }).toList());
    }

    /**
     * The item edits after {@code sinceSnapshot}, in order, for a device to apply to the items it has; when the
     * log no longer reaches back that far (or the snapshot is unknown), {@code reset} and every item.
     */
    @GetMapping("/api/v1/playlists/{id}/changes")
    public Changes changes(@PathVariable String id, @RequestParam long sinceSnapshot,
                           @RequestParam(required = false) Long minSnapshot, Principal user) {
        visible(id, minSnapshot, user);
        Playlists.Changes changes = playlists.changes(id, sinceSnapshot).orElseThrow(() -> notFound(id));
        return new Changes(changes.snapshotId(), changes.reset(), changes.operations(), changes.items());
    }

    /** The caller's own playlists and those they collaborate on, newest first. */
    @GetMapping("/api/v1/me/playlists")
    public SummaryPage mine(@RequestParam(defaultValue = "50") int limit,
                            @RequestParam(defaultValue = "0") int offset, Principal user) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0 || offset > MAX_OFFSET) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT
                    + ", offset between 0 and " + MAX_OFFSET);
        }
        Playlists.SummaryPage page = playlists.ofUser(user.getName(), limit, offset);
        return new SummaryPage(page.total(), limit, offset, page.items().stream()
                .map(s -> new Summary(s.playlistId(), new UserRef(s.ownerId()), s.name(), s.isPublic(),
                        s.collaborative(), s.snapshotId(), s.itemCount(), s.updatedAt()))
                .toList());
    }

    private Playlists.Details visible(String id, Long minSnapshot, Principal user) {
        checkId(id);
        if (minSnapshot != null) {
            if (minSnapshot < 1) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "minSnapshot must be at least 1");
            }
            boolean issued = playlists.awaitSnapshot(id, minSnapshot);
            Playlists.Details details = playlists.details(id).filter(d -> d.visibleTo(user.getName()))
                    .orElseThrow(() -> notFound(id));
            if (!issued) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "minSnapshot " + minSnapshot
                        + " was never issued for playlist " + id + "; its snapshotId is " + details.snapshotId());
            }
            return details;
        }
        return playlists.details(id).filter(d -> d.visibleTo(user.getName())).orElseThrow(() -> notFound(id));
    }

    /** Ids reach PostgreSQL: at most 100 characters, no control characters. */
    private static void checkId(String id) {
        if (id.isBlank() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)
                || id.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "id must be 1 to " + MAX_ID + " characters without control characters");
        }
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no playlist " + id);
    }
}
