package io.musicstream.query.playlist;

import io.musicstream.projections.catalog.browse.CatalogBrowse;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ArtistRef;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TrackSummary;
import io.musicstream.projections.playlist.Playlists;
import io.musicstream.query.playlist.formats.PlaylistDocument;
import io.musicstream.query.playlist.formats.PlaylistEntry;
import io.musicstream.query.playlist.formats.PlaylistFormat;
import io.musicstream.query.playlist.formats.PlaylistFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/playlists/{id}} as a file: XSPF, JSPF or extended M3U by {@code Accept}, every item in order
 * with its track's title, artists, album, duration and ISRC, and our track URL as its location, so another service
 * (or this one's import) can find the recordings. Visible to whoever may read the playlist. At most 10,000 items
 * make about 3 MB, written in memory first so that a failure is still a problem response.
 */
@RestController
class PlaylistExportController {

    private static final int PAGE = 1_000;

    private final Playlists playlists;
    private final CatalogBrowse catalog;
    private final PlaylistFormats formats;

    PlaylistExportController(Playlists playlists, CatalogBrowse catalog, PlaylistFormats formats) {
        this.playlists = playlists;
        this.catalog = catalog;
        this.formats = formats;
    }

    @GetMapping(path = "/api/v1/playlists/{id}", produces = {"application/xspf+xml", "application/jspf+json",
            "audio/x-mpegurl"})
    ResponseEntity<byte[]> export(@PathVariable String id,
                                   @RequestHeader(HttpHeaders.ACCEPT) String accept, Principal user)
            throws IOException {
        PlaylistFormat format = MediaType.parseMediaTypes(accept).stream()
                .map(type -> PlaylistFormat.forMediaType(type.getType() + "/" + type.getSubtype()))
                .flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE));
        PlaylistController.checkId(id);
        Playlists.Details details = playlists.details(id).filter(d -> d.visibleTo(user.getName()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no playlist " + id));
        List<Playlists.Item> items = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<Playlists.Item> page = playlists.items(id, PAGE, offset).map(Playlists.ItemPage::items)
                    .orElse(List.of());
            items.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
        }
        Map<String, TrackSummary> tracks = catalog.trackSummaries(
                new HashSet<>(items.stream().map(Playlists.Item::trackId).toList()), null);
        List<PlaylistEntry> entries = new ArrayList<>(items.size());
        for (Playlists.Item item : items) {
            TrackSummary track = tracks.get(item.trackId());
            entries.add(track == null ? new PlaylistEntry(null, null, null, null, null, item.trackId(), null)
                    : new PlaylistEntry(track.title(), track.artists().stream().map(ArtistRef::name)
                            .collect(Collectors.joining(", ")), track.release() == null ? null : track.release().title(),
                            track.durationMs(), track.isrc(), item.trackId(), null));
        }
        PlaylistDocument document = new PlaylistDocument(details.name(), details.ownerId(), details.description(),
                entries);
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        formats.writer(format).write(document, body);
        String type = format == PlaylistFormat.M3U ? format.mediaType() + ";charset=utf-8" : format.mediaType();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"playlist." + format.fileExtension()
                        + "\"")
                .body(body.toByteArray());
    }
}
