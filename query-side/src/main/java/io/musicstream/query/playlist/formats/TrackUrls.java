package io.musicstream.query.playlist.formats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Our track URLs, {@code <base>/api/v1/tracks/{id}}: the location an export writes for a track, and the track id an
 * import reads back from such a location.
 */
public record TrackUrls(String baseUrl) {

    private static final String PATH = "/api/v1/tracks/";

    public TrackUrls {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required, such as https://music.example.com");
        }
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    public String trackUrl(String trackId) {
        return baseUrl + PATH + encode(trackId);
    }

    /** The track id of one of our track URLs (scheme and host compared without case), else empty. */
    public Optional<String> trackId(String location) {
        String prefix = baseUrl + PATH;
        if (location == null || location.length() <= prefix.length()
                || !location.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String segment = location.substring(prefix.length());
        if (segment.indexOf('/') >= 0 || segment.indexOf('?') >= 0 || segment.indexOf('#') >= 0) {
            return Optional.empty();
        }
        return decode(segment);
    }

    private static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            }
        }
        return out.toString();
    }

    private static Optional<String> decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        String id = bytes.toString(StandardCharsets.UTF_8);
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
}
