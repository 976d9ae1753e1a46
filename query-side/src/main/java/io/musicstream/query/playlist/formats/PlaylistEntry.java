package io.musicstream.query.playlist.formats;

/**
 * One track of a {@link PlaylistDocument}. {@code creator} is the artist names joined as the format shows them
 * (for instance "Artist A, Artist B"); {@code isrc} is the 12-character code without hyphens, upper case;
 * {@code trackId} is our track id when the location is one of our track URLs; every field may be {@code null}.
 */
public record PlaylistEntry(String title, String creator, String album, Long durationMs, String isrc,
        String trackId, String location) {
}
