package io.musicstream.projections.catalog.search;

import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackRemovedFromRelease;
import io.musicstream.events.catalog.TrackRestored;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.catalog.TrackTakenDown;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How catalog events become search documents: one per artist, album and track, with stable ids. The live
 * projection and the index rebuild both apply events through this class, each to its own index. Applying
 * the events of the stream in order always yields the same documents, so a replay converges.
 */
final class SearchDocuments {

    /** Whole-document access to one index. */
    interface Store {
        Optional<Map<String, Object>> get(String id);

        void put(String id, Map<String, Object> document);

        void delete(String id);
    }

    /** Artist names by id, for the artist fields of albums and tracks. */
    interface ArtistNames {
        Map<String, String> of(Collection<String> artistIds);
    }

    static final Set<Class<?>> EVENTS = Set.of(ArtistRegistered.class, ReleaseIngested.class,
            ReleaseMetadataUpdated.class, TrackAddedToRelease.class, TrackMetadataUpdated.class,
            TrackRemovedFromRelease.class, TrackTakenDown.class, TrackRestored.class);

    private final ArtistNames artistNames;

    SearchDocuments(ArtistNames artistNames) {
        this.artistNames = artistNames;
    }

    static String artistId(String id) {
        return "artist:" + id;
    }

    static String albumId(String id) {
        return "album:" + id;
    }

    static String trackId(String id) {
        return "track:" + id;
    }

    void apply(Object event, Store store) {
        if (event instanceof ArtistRegistered e) {
            store.put(artistId(e.artistId()), document("artist", e.artistId(), e.name()));
        } else if (event instanceof ReleaseIngested e) {
            Map<String, Object> album = album(e.releaseId(), e.upc(), e.title(), e.artistIds(), e.genres(),
                    e.releaseDate());
            album.put("track_ids", e.tracks().stream().map(TrackSpec::trackId).toList());
            store.put(albumId(e.releaseId()), album);
            for (TrackSpec track : e.tracks()) {
                store.put(trackId(track.trackId()), track(track, album, Optional.empty()));
            }
        } else if (event instanceof ReleaseMetadataUpdated e) {
            store.get(albumId(e.releaseId())).ifPresent(old -> {
                Map<String, Object> album = album(e.releaseId(), (String) old.get("upc"), e.title(), e.artistIds(),
                        e.genres(), e.releaseDate());
                album.put("track_ids", old.getOrDefault("track_ids", List.of()));
                album.put("popularity", old.getOrDefault("popularity", 0));
                store.put(albumId(e.releaseId()), album);
                for (String id : trackIds(album)) {
                    store.get(trackId(id)).ifPresent(track -> {
                        copyAlbumFields(album, track);
                        store.put(trackId(id), track);
                    });
                }
            });
        } else if (event instanceof TrackAddedToRelease e) {
            store.get(albumId(e.releaseId())).ifPresent(album -> {
                List<String> ids = new ArrayList<>(trackIds(album));
                if (!ids.contains(e.track().trackId())) {
                    ids.add(e.track().trackId());
                }
                album.put("track_ids", ids);
                store.put(albumId(e.releaseId()), album);
                store.put(trackId(e.track().trackId()), track(e.track(), album, Optional.empty()));
            });
        } else if (event instanceof TrackMetadataUpdated e) {
            store.get(albumId(e.releaseId())).ifPresent(album -> store.put(trackId(e.track().trackId()),
                    track(e.track(), album, store.get(trackId(e.track().trackId())))));
        } else if (event instanceof TrackRemovedFromRelease e) {
            store.delete(trackId(e.trackId()));
            store.get(albumId(e.releaseId())).ifPresent(album -> {
                album.put("track_ids", trackIds(album).stream().filter(id -> !id.equals(e.trackId())).toList());
                store.put(albumId(e.releaseId()), album);
            });
        } else if (event instanceof TrackTakenDown e) {
            store.get(trackId(e.trackId())).ifPresent(track -> {
                if (e.territories().isEmpty()) {
                    track.put("taken_down", true);
                } else {
                    Set<String> blocked = new TreeSet<>(strings(track.get("blocked_territories")));
                    blocked.addAll(e.territories());
                    track.put("blocked_territories", List.copyOf(blocked));
                }
                setSuggest(track);
                store.put(trackId(e.trackId()), track);
            });
        } else if (event instanceof TrackRestored e) {
            store.get(trackId(e.trackId())).ifPresent(track -> {
                if (e.territories().isEmpty()) {
                    track.put("taken_down", false);
                    track.put("blocked_territories", List.of());
                } else {
                    Set<String> blocked = new TreeSet<>(strings(track.get("blocked_territories")));
                    e.territories().forEach(blocked::remove);
                    track.put("blocked_territories", List.copyOf(blocked));
                }
                setSuggest(track);
                store.put(trackId(e.trackId()), track);
            });
        }
    }

    private Map<String, Object> album(String releaseId, String upc, String title, List<String> artistIds,
                                      List<String> genres, LocalDate releaseDate) {
        Map<String, Object> album = document("album", releaseId, title);
        putArtists(album, artistIds, artistNames.of(artistIds));
        album.put("genres", genres);
        album.put("release_year", releaseDate == null ? null : releaseDate.getYear());
        album.put("upc", upc);
        return album;
    }

    private Map<String, Object> track(TrackSpec spec, Map<String, Object> album,
                                      Optional<Map<String, Object>> previous) {
        Map<String, Object> track = document("track", spec.trackId(), spec.title());
        putArtists(track, spec.artistIds(), artistNames.of(spec.artistIds()));
        track.put("release_id", album.get("id"));
        copyAlbumFields(album, track);
        track.put("explicit", spec.explicit());
        track.put("territories", spec.territories());
        track.put("duration_ms", spec.durationMs());
        track.put("isrc", spec.isrc());
        previous.ifPresent(old -> {
            track.put("taken_down", old.getOrDefault("taken_down", false));
            track.put("blocked_territories", old.getOrDefault("blocked_territories", List.of()));
            track.put("popularity", old.getOrDefault("popularity", 0));
        });
        setSuggest(track);
        return track;
    }

    private static void copyAlbumFields(Map<String, Object> album, Map<String, Object> track) {
        track.put("album", album.get("name"));
        track.put("genres", album.get("genres"));
        track.put("release_year", album.get("release_year"));
    }

    /** The fields every kind shares; names are indexed folded and kept as given for display. */
    private static Map<String, Object> document(String kind, String id, String name) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kind", kind);
        doc.put("id", id);
        doc.put("name", SearchText.fold(name));
        doc.put("display_name", name);
        doc.put("taken_down", false);
        doc.put("blocked_territories", List.of());
        doc.put("popularity", 0);
        setSuggest(doc);
        return doc;
    }

    /** Completion entries carry whether the item is available at all, so suggestions skip takedowns. */
    private static void setSuggest(Map<String, Object> doc) {
        boolean available = !Boolean.TRUE.equals(doc.get("taken_down"));
        doc.put("suggest", Map.of("input", List.of(doc.get("name")),
                "contexts", Map.of("available", List.of(available ? "yes" : "no"))));
    }

    private static void putArtists(Map<String, Object> doc, List<String> artistIds, Map<String, String> names) {
        List<String> artists = artistIds.stream().map(id -> names.getOrDefault(id, id)).toList();
        doc.put("artist_names", SearchText.fold(String.join(" ", artists)));
        doc.put("display_artists", artists);
        doc.put("artist_ids", artistIds);
    }

    private static List<String> trackIds(Map<String, Object> album) {
        return strings(album.get("track_ids"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
