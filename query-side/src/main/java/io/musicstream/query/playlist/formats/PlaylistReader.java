package io.musicstream.query.playlist.formats;

import java.io.InputStream;

/** Reads one format into a {@link PlaylistDocument}; what it cannot accept is a {@link PlaylistFormatException}. */
public interface PlaylistReader {

    PlaylistFormat format();

    /** Reads at most the limit's bytes of {@code in}; does not close it. */
    PlaylistDocument read(InputStream in);
}
