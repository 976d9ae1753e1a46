package io.musicstream.query.playlist.formats;

/**
 * What an imported document may hold. Field lengths are in characters and match what a playlist and the catalog
 * store (names 500, descriptions 1,000, URLs 2,048), so nothing read here is refused later.
 */
public record PlaylistReadLimits(long maxBytes, int maxEntries, int maxTitleLength, int maxAnnotationLength,
        int maxCreatorLength, int maxLocationLength) {

    public static final PlaylistReadLimits DEFAULT = new PlaylistReadLimits(5L * 1024 * 1024, 10_000, 500, 1_000,
            1_000, 2_048);

    public PlaylistReadLimits {
        if (maxBytes <= 0 || maxEntries <= 0 || maxTitleLength <= 0 || maxAnnotationLength <= 0
                || maxCreatorLength <= 0 || maxLocationLength <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public PlaylistReadLimits withMaxBytes(long bytes) {
        return new PlaylistReadLimits(bytes, maxEntries, maxTitleLength, maxAnnotationLength, maxCreatorLength,
                maxLocationLength);
    }

    public PlaylistReadLimits withMaxEntries(int entries) {
        return new PlaylistReadLimits(maxBytes, entries, maxTitleLength, maxAnnotationLength, maxCreatorLength,
                maxLocationLength);
    }
}
