package io.musicstream.query.playlist.formats;

import java.util.List;

/**
 * A playlist as the import and export formats see it, independent of XSPF, JSPF or M3U. Fields a format does not
 * carry are {@code null}.
 */
public record PlaylistDocument(String title, String creator, String annotation, List<PlaylistEntry> entries) {

    public PlaylistDocument {
        entries = entries == null ? List.of() : entries;
    }
}
