package io.musicstream.infra.playlist.imports;

import io.musicstream.command.playlist.AddTracksToPlaylist;
import io.musicstream.command.playlist.CreatePlaylist;
import io.musicstream.query.playlist.formats.EntryMatch;
import io.musicstream.query.playlist.formats.PlaylistDocument;
import io.musicstream.query.playlist.formats.PlaylistFormat;
import io.musicstream.query.playlist.formats.PlaylistFormats;
import io.musicstream.query.playlist.formats.PlaylistImportMatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/playlists/imports}: an XSPF, JSPF or extended M3U file becomes a new playlist of the caller's
 * with the tracks matched in the catalog (ISRC first, then title and artist through search), in the file's order;
 * the answer reports every entry, matched to which track and how, or not matched and why (docs/playlists.md).
 */
@RestController
class PlaylistImportController {

    private static final int ADD_BATCH = 100;
    private static final String DEFAULT_NAME = "Imported playlist";

    /** The new playlist and what became of each entry. */
    record ImportReport(String playlistId, String snapshotId, String name, int entries, int matched,
                        List<EntryMatch> report) {
    }

    private final PlaylistFormats formats;
    private final PlaylistImportMatcher matcher;
    private final CommandGateway commands;
    private final Clock clock;

    PlaylistImportController(PlaylistFormats formats, CatalogTrackLookup lookup, CommandGateway commands, Clock clock) {
        this.formats = formats;
        this.matcher = new PlaylistImportMatcher(lookup);
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/playlists/imports", consumes = {"application/xspf+xml", "application/jspf+json",
            "audio/x-mpegurl", "audio/mpegurl", "application/x-mpegurl", "application/vnd.apple.mpegurl"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportReport> importPlaylist(HttpServletRequest request,
                                                @RequestParam(required = false) String name,
                                                @RequestParam(name = "public", defaultValue = "false") boolean isPublic,
                                                Principal user) throws IOException {
        PlaylistFormat format = PlaylistFormat.forMediaType(request.getContentType())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        PlaylistDocument document;
        try (InputStream body = request.getInputStream()) {
            document = formats.reader(format).read(body);
        }
        List<EntryMatch> report = matcher.match(document.entries());
        List<String> trackIds = report.stream().filter(EntryMatch::matched).map(EntryMatch::trackId).toList();

        String playlistId = UUID.randomUUID().toString();
        String title = name != null ? name : document.title() != null && !document.title().isBlank()
                ? document.title() : DEFAULT_NAME;
        Instant at = clock.instant();
        String snapshotId = commands.sendAndWait(new CreatePlaylist(playlistId, user.getName(), title,
                document.annotation(), isPublic, false, at));
        for (int from = 0; from < trackIds.size(); from += ADD_BATCH) {
            List<String> batch = new ArrayList<>(trackIds.subList(from, Math.min(trackIds.size(), from + ADD_BATCH)));
            snapshotId = commands.sendAndWait(new AddTracksToPlaylist(playlistId, user.getName(), batch, null, null,
                    at));
        }
        return ResponseEntity.created(URI.create("/api/v1/playlists/" + playlistId))
                .body(new ImportReport(playlistId, snapshotId, title, report.size(), trackIds.size(), report));
    }
}
