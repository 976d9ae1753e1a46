package io.musicstream.query.playlist.formats;

import java.util.Locale;
import java.util.Optional;

/** The playlist formats the service exports and imports, by media type. */
public enum PlaylistFormat {
    XSPF("XSPF", "application/xspf+xml", "xspf"),
    /** ListenBrainz's JSPF: XSPF as JSON, {@code {"playlist": {..., "track": [...]}}}. */
    JSPF("JSPF", "application/jspf+json", "jspf"),
    /** Extended M3U, always UTF-8 (the media type is sent with {@code charset=utf-8}). */
    M3U("M3U", "audio/x-mpegurl", "m3u8");

    private final String label;
    private final String mediaType;
    private final String fileExtension;

    PlaylistFormat(String label, String mediaType, String fileExtension) {
        this.label = label;
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileExtension() {
        return fileExtension;
    }

    /** The format of a media type, parameters ignored; the other M3U media types in use also name M3U. */
    public static Optional<PlaylistFormat> forMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        int semicolon = mediaType.indexOf(';');
        String type = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/xspf+xml" -> Optional.of(XSPF);
            case "application/jspf+json" -> Optional.of(JSPF);
            case "audio/x-mpegurl", "application/x-mpegurl", "audio/mpegurl", "application/vnd.apple.mpegurl" ->
                    Optional.of(M3U);
            default -> Optional.empty();
        };
    }
}
