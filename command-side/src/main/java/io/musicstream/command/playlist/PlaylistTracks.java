package io.musicstream.command.playlist;

import java.util.Collection;
import java.util.Set;

/**
 * The catalog as playlists need it: which tracks exist. Taken-down or unlicensed tracks exist (playlists keep
 * them, shown as unavailable); only ids the catalog never knew are refused.
 */
public interface PlaylistTracks {

    /** The ids among {@code trackIds} that the catalog does not know. */
    Set<String> unknown(Collection<String> trackIds);
}
