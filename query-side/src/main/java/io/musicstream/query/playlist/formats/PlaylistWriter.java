package io.musicstream.query.playlist.formats;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link PlaylistDocument} as UTF-8, entry by entry, to a stream it flushes but does not close. */
public interface PlaylistWriter {

    PlaylistFormat format();

    void write(PlaylistDocument document, OutputStream out) throws IOException;

    /** The location written for an entry: our URL for a track of ours, else the entry's own location. */
    static String location(PlaylistEntry entry, TrackUrls urls) {
        if (entry.location() != null) {
            return entry.location();
        }
        return entry.trackId() == null ? null : urls.trackUrl(entry.trackId());
    }
}
