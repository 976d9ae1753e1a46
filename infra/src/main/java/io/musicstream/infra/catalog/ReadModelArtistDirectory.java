package io.musicstream.infra.catalog;

import io.musicstream.command.catalog.ArtistDirectory;
import io.musicstream.projections.catalog.artists.RegisteredArtists;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Answers from the artist directory read model, which commits together with ArtistRegistered. */
@Component
class ReadModelArtistDirectory implements ArtistDirectory {

    private final RegisteredArtists artists;

    ReadModelArtistDirectory(RegisteredArtists artists) {
        this.artists = artists;
    }

    @Override
    public Set<String> unknownArtists(Collection<String> artistIds) {
        Set<String> wanted = new HashSet<>();
        artistIds.stream().filter(id -> id != null && !id.isBlank()).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        wanted.removeAll(artists.known(wanted));
        return wanted;
    }
}
