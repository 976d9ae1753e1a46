package io.musicstream.query.listening.me;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.musicstream.projections.catalog.browse.CatalogBrowse;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ArtistRef;
import io.musicstream.projections.catalog.browse.CatalogBrowse.ReleaseSummary;
import io.musicstream.projections.catalog.browse.CatalogBrowse.TrackSummary;
import io.musicstream.projections.listening.me.ListeningMe;
import io.musicstream.projections.listening.me.ListeningMe.RecentPlay;
import io.musicstream.projections.listening.me.ListeningMe.Rotation;
import io.musicstream.projections.listening.me.ListeningMe.TopItem;
import io.musicstream.query.catalog.browse.Territories;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The caller's own listening: recently played, heavy rotation, top tracks and artists. */
@RestController
@RequestMapping("/api/v1/me")
class ListeningMeController {

    private static final Set<String> ROTATION_TYPES = Set.of("album", "playlist", "artist");
    /** Offsets past this are refused: no range holds that many items worth paging to. */
    private static final int MAX_OFFSET = 100_000;

    private final ListeningMe listening;
    private final CatalogBrowse catalog;
    private final Territories territories;

    ListeningMeController(ListeningMe listening, CatalogBrowse catalog, Territories territories) {
        this.listening = listening;
        this.catalog = catalog;
        this.territories = territories;
    }

    record Context(String type, String id) {
    }

    /** A recent play; {@code track} is null when the catalog no longer knows the track. */
    record RecentItem(@JsonProperty("track_id") String trackId, TrackSummary track,
                      @JsonProperty("played_at") Instant playedAt, Context context) {
    }

    /** Unix epoch milliseconds of the newest ({@code after}) and oldest ({@code before}) play on the page. */
    record Cursors(String after, String before) {
    }

    record RecentPage(List<RecentItem> items, String next, Cursors cursors, int limit) {
    }

    /**
     * Plays of 30 s or more, newest first by start time ({@code played_at}); {@code before} and {@code after}
     * are unix epoch milliseconds, at most one of them.
     */
    @GetMapping("/player/recently-played")
    RecentPage recentlyPlayed(@RequestParam(defaultValue = "20") int limit,
                              @RequestParam(required = false) Long before,
                              @RequestParam(required = false) Long after,
                              Principal user) {
        checkLimit(limit);
        if (before != null && after != null) {
            throw badRequest("give at most one of before and after");
        }
        checkCursor("before", before);
        checkCursor("after", after);
        List<RecentPlay> plays = listening.recentlyPlayed(user.getName(), limit,
                before == null ? null : Instant.ofEpochMilli(before), after == null ? null : Instant.ofEpochMilli(after));
        Map<String, TrackSummary> tracks = catalog.trackSummaries(
                plays.stream().map(RecentPlay::trackId).distinct().toList(), territories.ofCaller(user));
        List<RecentItem> items = plays.stream().map(p -> new RecentItem(p.trackId(), tracks.get(p.trackId()),
                p.startedAt(), p.contextType() == null ? null : new Context(p.contextType(), p.contextId()))).toList();
        if (plays.isEmpty()) {
            return new RecentPage(items, null, null, limit);
        }
        long newest = plays.get(0).startedAt().toEpochMilli();
        long oldest = plays.get(plays.size() - 1).startedAt().toEpochMilli();
        // a full page may have more beyond it, in the direction it was paged
        String next = plays.size() < limit ? null : ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("before", after == null ? oldest : null)
                .replaceQueryParam("after", after == null ? null : newest)
                .replaceQueryParam("limit", limit).toUriString();
        return new RecentPage(items, next, new Cursors(Long.toString(newest), Long.toString(oldest)), limit);
    }

    /** An album, playlist or artist; {@code name} and {@code artworkUrl} when the catalog has them. */
    record RotationItem(String type, String id, double score, long streams, LocalDate lastPlayedDay, String name,
                        String artworkUrl) {
    }

    record RotationPage(List<RotationItem> items, int limit) {
    }

    /** The caller's most played albums, playlists and artists of the last 14 UTC days, recent days weighing more. */
    @GetMapping("/heavy-rotation")
    RotationPage heavyRotation(@RequestParam(defaultValue = "20") int limit,
                               @RequestParam(defaultValue = "album,playlist,artist") String type,
                               Principal user) {
        checkLimit(limit);
        Set<String> types = new LinkedHashSet<>();
        for (String t : type.split(",", -1)) {
            String name = t.trim().toLowerCase(Locale.ROOT);
            if (!ROTATION_TYPES.contains(name)) {
                throw badRequest("type must be a comma-separated list of album, playlist and artist; got '"
                        + abbreviate(type) + "'");
            }
            types.add(name);
        }
        List<Rotation> rotation = listening.heavyRotation(user.getName(), types, limit);
        Map<String, ReleaseSummary> albums = catalog.releaseSummaries(idsOf(rotation, "album"));
        Map<String, ArtistRef> artists = catalog.artistRefs(idsOf(rotation, "artist"));
        return new RotationPage(rotation.stream().map(r -> {
            ReleaseSummary album = r.type().equals("album") ? albums.get(r.id()) : null;
            ArtistRef artist = r.type().equals("artist") ? artists.get(r.id()) : null;
            return new RotationItem(r.type(), r.id(), r.score(), r.streams(), r.lastPlayedDay(),
                    album != null ? album.title() : artist != null ? artist.name() : null,
                    album != null ? album.artworkUrl() : null);
        }).toList(), limit);
    }

    private static List<String> idsOf(List<Rotation> rotation, String type) {
        return rotation.stream().filter(r -> r.type().equals(type)).map(Rotation::id).toList();
    }

    /** A top track or artist with its counted streams in the range; {@code track} or {@code artist} is set. */
    record TopEntry(String id, long streams, Instant lastPlayedAt, TrackSummary track, ArtistRef artist) {
    }

    record TopPage(List<TopEntry> items, long total, int limit, int offset, String next, String previous) {
    }

    /** The caller's most streamed tracks or artists over {@code range} (Spotify's names). */
    @GetMapping("/top/{type}")
    TopPage top(@PathVariable String type,
                @RequestParam(defaultValue = "medium_term") String range,
                @RequestParam(defaultValue = "20") int limit,
                @RequestParam(defaultValue = "0") int offset,
                Principal user) {
        ListeningMe.TopType topType = switch (type) {
            case "tracks" -> ListeningMe.TopType.TRACKS;
            case "artists" -> ListeningMe.TopType.ARTISTS;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no top items of type '" + abbreviate(type) + "'; use tracks or artists");
        };
        ListeningMe.Range topRange = switch (range) {
            case "short_term" -> ListeningMe.Range.SHORT_TERM;
            case "medium_term" -> ListeningMe.Range.MEDIUM_TERM;
            case "long_term" -> ListeningMe.Range.LONG_TERM;
            default -> throw badRequest("range must be short_term, medium_term or long_term; got '"
                    + abbreviate(range) + "'");
        };
        checkLimit(limit);
        if (offset < 0 || offset > MAX_OFFSET) {
            throw badRequest("offset must be between 0 and " + MAX_OFFSET);
        }
        ListeningMe.TopPage page = listening.top(user.getName(), topType, topRange, limit, offset);
        List<String> ids = page.items().stream().map(TopItem::id).toList();
        Map<String, TrackSummary> tracks = topType == ListeningMe.TopType.TRACKS
                ? catalog.trackSummaries(ids, territories.ofCaller(user)) : Map.of();
        Map<String, ArtistRef> artists = topType == ListeningMe.TopType.ARTISTS ? catalog.artistRefs(ids) : Map.of();
        List<TopEntry> items = page.items().stream().map(i -> new TopEntry(i.id(), i.streams(), i.lastPlayedAt(),
                tracks.get(i.id()), artists.get(i.id()))).toList();
        String next = offset + limit < page.total() ? pageUrl(offset + limit) : null;
        String previous = offset > 0 ? pageUrl(Math.max(0, offset - limit)) : null;
        return new TopPage(items, page.total(), limit, offset, next, previous);
    }

    private static String pageUrl(int offset) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset", offset).toUriString();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > ListeningMe.MAX_LIMIT) {
            throw badRequest("limit must be between 1 and " + ListeningMe.MAX_LIMIT);
        }
    }

    private static void checkCursor(String name, Long millis) {
        if (millis != null && (millis < 0 || millis > Instant.parse("9999-01-01T00:00:00Z").toEpochMilli())) {
            throw badRequest(name + " must be a time in unix epoch milliseconds, not negative");
        }
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
