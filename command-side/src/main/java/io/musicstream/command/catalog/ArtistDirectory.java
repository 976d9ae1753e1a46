package io.musicstream.command.catalog;

import java.util.Collection;
import java.util.Set;

/** Which artists exist. Implemented over a read model that commits together with the artists' events. */
public interface ArtistDirectory {

    Set<String> unknownArtists(Collection<String> artistIds);
}
