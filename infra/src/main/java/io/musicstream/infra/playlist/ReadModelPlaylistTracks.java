package io.musicstream.infra.playlist;

import io.musicstream.command.playlist.PlaylistTracks;
import io.musicstream.projections.catalog.browse.CatalogAvailability;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Playlist track ids checked against the catalog browse read model, one query per request. */
@Component
class ReadModelPlaylistTracks implements PlaylistTracks {

    private final CatalogAvailability catalog;

    ReadModelPlaylistTracks(CatalogAvailability catalog) {
        this.catalog = catalog;
    }

    @Override
    public Set<String> unknown(Collection<String> trackIds) {
        if (trackIds.isEmpty()) {
            return Set.of();
        }
        Set<String> known = catalog.trackFacts(trackIds).keySet();
        Set<String> unknown = new LinkedHashSet<>(trackIds);
        unknown.removeAll(known);
        return unknown;
    }
}
