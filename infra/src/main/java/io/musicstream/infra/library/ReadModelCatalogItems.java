package io.musicstream.infra.library;

import io.musicstream.command.library.CatalogItems;
import io.musicstream.command.playback.PlayableTracks;
import io.musicstream.events.library.LibraryItemType;
import io.musicstream.projections.catalog.browse.Availability;
import io.musicstream.projections.catalog.browse.CatalogAvailability;
import io.musicstream.projections.catalog.browse.CatalogAvailability.PlayableTrack;
import io.musicstream.projections.catalog.browse.CatalogAvailability.TrackFacts;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Library saves and plays checked against the catalog browse read model, one query per request. */
@Component
class ReadModelCatalogItems implements CatalogItems, PlayableTracks {

    private final CatalogAvailability catalog;

    ReadModelCatalogItems(CatalogAvailability catalog) {
        this.catalog = catalog;
    }

    @Override
    public Map<String, Refusal> refusals(LibraryItemType type, Collection<String> itemIds, String territory) {
        List<String> ids = Arrays.asList(itemIds.toArray(String[]::new));
        switch (type) {
            case TRACK:
                return tracks(ids, territory);
            case ALBUM:
                return albums(ids, territory);
            case ARTIST:
                return artists(ids);
            default:
                throw new IllegalArgumentException("unknown item type " + type);
        }
    }

    @Override
    public Map<String, Track> tracks(Collection<String> trackIds) {
        Map<String, Track> found = new HashMap<>();
        catalog.trackFacts(trackIds).forEach((id, facts) -> found.put(id, new CatalogTrack(facts)));
        return found;
    }

    private record CatalogTrack(TrackFacts facts) implements Track {

        @Override
        public long durationMs() {
            return facts.durationMs();
        }

        @Override
        public String releaseId() {
            return facts.releaseId();
        }

        @Override
        public List<String> artistIds() {
            return facts.artistIds();
        }

        @Override
        public String unavailableIn(String territory) {
            Availability availability = facts.in(territory);
            return availability.available() ? null : availability.reason();
        }
    }

    private Map<String, Refusal> tracks(List<String> ids, String territory) {
        Map<String, PlayableTrack> found = catalog.tracks(ids, territory);
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        for (String id : ids) {
            PlayableTrack track = found.get(id);
            if (track == null) {
                refusals.put(id, new Refusal(true, "track " + id + " does not exist"));
            } else if (!track.availability().available()) {
                refusals.put(id, new Refusal(false, "track " + id + " is not available: "
                        + track.availability().reason()));
            }
        }
        return refusals;
    }

    private Map<String, Refusal> albums(List<String> ids, String territory) {
        Map<String, List<Availability>> found = catalog.albums(ids, territory);
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        for (String id : ids) {
            List<Availability> tracks = found.get(id);
            if (tracks == null) {
                refusals.put(id, new Refusal(true, "album " + id + " does not exist"));
            } else if (tracks.isEmpty()) {
                refusals.put(id, new Refusal(false, "album " + id + " is not available: it has no tracks"));
            } else if (tracks.stream().noneMatch(Availability::available)) {
                refusals.put(id, new Refusal(false, "album " + id + " is not available: no track is available ("
                        + tracks.get(0).reason() + ")"));
            }
        }
        return refusals;
    }

    private Map<String, Refusal> artists(List<String> ids) {
        Set<String> existing = catalog.artists(ids);
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        for (String id : ids) {
            if (!existing.contains(id)) {
                refusals.put(id, new Refusal(true, "artist " + id + " does not exist"));
            }
        }
        return refusals;
    }
}
