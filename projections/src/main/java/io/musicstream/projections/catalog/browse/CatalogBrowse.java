package io.musicstream.projections.catalog.browse;

import io.musicstream.events.catalog.ReleaseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the catalog browse read model ({@code browse_*} tables of {@link CatalogBrowseProjection}, queried by
 * {@link BrowseTables}) into pages. Whether a track can be played in a territory is decided by
 * {@link Availability} alone. Each page is read in one repeatable-read transaction, so its several queries see
 * one committed state of the projection.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class CatalogBrowse {

    /** How many tracks an artist page lists as top tracks. */
    public static final int TOP_TRACKS = 10;
    private static final int TOP_TRACK_SCAN_PAGE = 50;

    private final BrowseTables tables;

    CatalogBrowse(BrowseTables tables) {
        this.tables = tables;
    }

    public record ArtistRef(String artistId, String name) {
    }

    public record ReleaseSummary(String releaseId, String upc, String title, ReleaseType releaseType,
                                 List<ArtistRef> artists, String label, LocalDate releaseDate, List<String> genres,
                                 String artworkUrl, int trackCount) {
    }

    public record ReleaseRef(String releaseId, String title, LocalDate releaseDate, String artworkUrl) {
    }

    /** A track in an album page; {@code available} says whether it can be played in the territory asked. */
    public record AlbumTrack(String trackId, String isrc, String title, long durationMs, int discNumber,
                             int trackNumber, boolean explicit, List<ArtistRef> artists, boolean available,
                             String unavailableReason) {
    }

    /** An album page; {@code popularity} (0..100) is the release's, from its counted streams. */
    public record AlbumPage(String releaseId, String upc, String title, ReleaseType releaseType,
                            List<ArtistRef> artists, String label, LocalDate releaseDate, List<String> genres,
                            String artworkUrl, int trackCount, long durationMs, List<AlbumTrack> tracks,
                            int popularity) {
    }

    /**
     * A top track: always playable in the territory asked (unavailable tracks are left out); {@code playCount}
     * is its counted streams ever.
     */
    public record TopTrack(String trackId, String title, long durationMs, boolean explicit, List<ArtistRef> artists,
                           ReleaseRef release, long playCount, int popularity) {
    }

    /** An artist page, with the artist's popularity and monthly listeners (users who streamed it in 28 days). */
    public record ArtistPage(String artistId, String name, List<ReleaseSummary> releases, List<TopTrack> topTracks,
                             int popularity, long monthlyListeners) {
    }

    /** A takedown in force: everywhere, or in {@code territories}; the reason and time of the latest one. */
    public record Takedown(boolean everywhere, List<String> territories, String reason, Instant takenDownAt) {
    }

    /**
     * A track page. A track that cannot be played in the territory asked is still shown, with
     * {@code available: false}, why ({@code unavailableReason}) and the {@code takedown} in force, if any.
     * {@code playCount} is its counted streams ever, {@code popularity} (0..100) comes from the recent ones.
     */
    public record TrackPage(String trackId, String isrc, String title, long durationMs, int discNumber,
                            int trackNumber, boolean explicit, List<ArtistRef> artists, ReleaseRef release,
                            List<String> territories, long playCount, boolean available, String unavailableReason,
                            Takedown takedown, int popularity) {
    }

    public record Page<T>(long total, int limit, int offset, List<T> items) {
    }

    public record GenreCount(String genre, long releases) {
    }

    /**
     * A track as lists show it (library, playlists); {@code available} says whether it can be played in the
     * territory asked; the ISRC lets a client (or a playlist export) name the recording outside this service.
     */
    public record TrackSummary(String trackId, String isrc, String title, long durationMs, boolean explicit,
                               List<ArtistRef> artists, ReleaseRef release, boolean available,
                               String unavailableReason) {
    }

    /** The artist with its releases, newest first, and its most popular tracks available in {@code territory}. */
    public Optional<ArtistPage> artist(String artistId, String territory) {
        Optional<BrowseArtist> artist = tables.artist(artistId);
        if (artist.isEmpty()) {
            return Optional.empty();
        }
        List<BrowseRelease> releases = tables.releasesOf(artistId);
        List<BrowseTrack> top = topTracks(artistId, territory);
        Map<String, ReleaseRef> topReleases = tables.releaseRefs(top.stream().map(BrowseTrack::releaseId).toList());
        Map<String, String> names = tables.artistNames(Stream.concat(
                releases.stream().flatMap(r -> r.artistIds().stream()),
                top.stream().flatMap(t -> t.artistIds().stream())).toList());
        return Optional.of(new ArtistPage(artist.get().artistId(), artist.get().name(),
                releases.stream().map(r -> summary(r, names)).toList(),
                top.stream().map(t -> new TopTrack(t.trackId(), t.title(), t.durationMs(), t.explicit(),
                        refs(t.artistIds(), names), topReleases.get(t.releaseId()), t.playCount(), t.popularity()))
                        .toList(),
                artist.get().popularity(), artist.get().monthlyListeners()));
    }

    /** The release with its tracks in disc/track order, each marked available or not in {@code territory}. */
    public Optional<AlbumPage> album(String releaseId, String territory) {
        Optional<BrowseRelease> found = tables.release(releaseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BrowseRelease release = found.get();
        List<BrowseTrack> tracks = tables.tracksOf(releaseId);
        Map<String, String> names = tables.artistNames(Stream.concat(release.artistIds().stream(),
                tracks.stream().flatMap(t -> t.artistIds().stream())).toList());
        List<AlbumTrack> items = tracks.stream().map(t -> {
            Availability availability = t.availability(territory);
            return new AlbumTrack(t.trackId(), t.isrc(), t.title(), t.durationMs(), t.discNumber(), t.trackNumber(),
                    t.explicit(), refs(t.artistIds(), names), availability.available(), availability.reason());
        }).toList();
        return Optional.of(new AlbumPage(release.releaseId(), release.upc(), release.title(), release.releaseType(),
                refs(release.artistIds(), names), release.label(), release.releaseDate(), release.genres(),
                release.artworkUrl(), release.trackCount(), tracks.stream().mapToLong(BrowseTrack::durationMs).sum(),
                items, release.popularity()));
    }

    /** The track, available or not in {@code territory}; a track taken down is shown, not hidden. */
    public Optional<TrackPage> track(String trackId, String territory) {
        Optional<BrowseTrack> found = tables.track(trackId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BrowseTrack t = found.get();
        Availability availability = t.availability(territory);
        Takedown takedown = t.takenDown()
                ? new Takedown(t.blockedEverywhere(), t.blockedTerritories(), t.takedownReason(), t.takenDownAt())
                : null;
        return Optional.of(new TrackPage(t.trackId(), t.isrc(), t.title(), t.durationMs(), t.discNumber(),
                t.trackNumber(), t.explicit(), refs(t.artistIds(), tables.artistNames(t.artistIds())),
                tables.releaseRefs(List.of(t.releaseId())).get(t.releaseId()), t.territories(), t.playCount(),
                availability.available(), availability.reason(), takedown, t.popularity()));
    }

    /** Releases by release date, newest first (undated ones last). */
    public Page<ReleaseSummary> newReleases(int limit, int offset) {
        long total = tables.releaseCount();
        List<BrowseRelease> releases = tables.releasesByDate(limit, offset);
        Map<String, String> names = tables.artistNames(releases.stream().flatMap(r -> r.artistIds().stream()).toList());
        return new Page<>(total, limit, offset, releases.stream().map(r -> summary(r, names)).toList());
    }

    /** Every genre with the number of releases that list it, most releases first. */
    public List<GenreCount> genres() {
        return tables.genres();
    }

    /** Tracks by id as lists show them; ids the catalog does not know are absent. */
    public Map<String, TrackSummary> trackSummaries(Collection<String> trackIds, String territory) {
        if (trackIds.isEmpty()) {
            return Map.of();
        }
        List<BrowseTrack> tracks = tables.tracks(trackIds);
        Map<String, String> names = tables.artistNames(tracks.stream().flatMap(t -> t.artistIds().stream()).toList());
        Map<String, ReleaseRef> releases = tables.releaseRefs(tracks.stream().map(BrowseTrack::releaseId).toList());
        Map<String, TrackSummary> summaries = new HashMap<>();
        for (BrowseTrack t : tracks) {
            Availability availability = t.availability(territory);
            summaries.put(t.trackId(), new TrackSummary(t.trackId(), t.isrc(), t.title(), t.durationMs(), t.explicit(),
                    refs(t.artistIds(), names), releases.get(t.releaseId()), availability.available(),
                    availability.reason()));
        }
        return summaries;
    }

    /** Releases by id as lists show them; ids the catalog does not know are absent. */
    public Map<String, ReleaseSummary> releaseSummaries(Collection<String> releaseIds) {
        if (releaseIds.isEmpty()) {
            return Map.of();
        }
        List<BrowseRelease> releases = tables.releases(releaseIds);
        Map<String, String> names = tables.artistNames(releases.stream().flatMap(r -> r.artistIds().stream()).toList());
        Map<String, ReleaseSummary> summaries = new HashMap<>();
        releases.forEach(r -> summaries.put(r.releaseId(), summary(r, names)));
        return summaries;
    }

    /** Artists by id with their names; ids the catalog does not know are absent. */
    public Map<String, ArtistRef> artistRefs(Collection<String> artistIds) {
        Map<String, ArtistRef> refs = new HashMap<>();
        tables.artistNames(artistIds).forEach((id, name) -> refs.put(id, new ArtistRef(id, name)));
        return refs;
    }

    /**
     * The artist's most popular tracks that are available in {@code territory}, most popular first. Reads the
     * artist's tracks by popularity a page at a time and keeps the available ones, so that availability is
     * decided by {@link Availability} alone, and stops at {@link #TOP_TRACKS}.
     */
    private List<BrowseTrack> topTracks(String artistId, String territory) {
        List<BrowseTrack> top = new ArrayList<>();
        for (int offset = 0; top.size() < TOP_TRACKS; offset += TOP_TRACK_SCAN_PAGE) {
            List<BrowseTrack> page = tables.tracksByPopularity(artistId, TOP_TRACK_SCAN_PAGE, offset);
            page.stream().filter(t -> t.availability(territory).available())
                    .limit(TOP_TRACKS - top.size()).forEach(top::add);
            if (page.size() < TOP_TRACK_SCAN_PAGE) {
                break;
            }
        }
        return top;
    }

    /** Artist ids with their names, in the order given; an artist not (yet) known has a null name. */
    private static List<ArtistRef> refs(List<String> artistIds, Map<String, String> names) {
        return artistIds.stream().map(id -> new ArtistRef(id, names.get(id))).toList();
    }

    private static ReleaseSummary summary(BrowseRelease r, Map<String, String> names) {
        return new ReleaseSummary(r.releaseId(), r.upc(), r.title(), r.releaseType(), refs(r.artistIds(), names),
                r.label(), r.releaseDate(), r.genres(), r.artworkUrl(), r.trackCount());
    }
}
