package io.musicstream.query.playlist.formats;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ISRCs in identifiers. Exports write {@code isrc:CODE} (12 characters, upper case, no hyphens); imports also accept
 * {@code urn:isrc:CODE}, {@code ISRC:CC-XXX-YY-NNNNN}, MusicBrainz's {@code https://musicbrainz.org/isrc/CODE} and a
 * bare code, in any case and with or without hyphens.
 */
final class Isrc {

    static final String PREFIX = "isrc:";

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");
    private static final String[] PREFIXES = {"urn:isrc:", "isrc:", "https://musicbrainz.org/isrc/",
            "http://musicbrainz.org/isrc/"};

    private Isrc() {
    }

    static String identifier(String code) {
        return PREFIX + code;
    }

    /** The normalized code of an identifier naming an ISRC, or {@code null} when it names something else. */
    static String fromIdentifier(String identifier) {
        if (identifier == null) {
            return null;
        }
        String value = identifier.trim();
        for (String prefix : PREFIXES) {
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return normalize(value.substring(prefix.length()));
            }
        }
        return value.length() <= 15 ? normalize(value) : null;
    }

    /** The code without hyphens in upper case, or {@code null} when it is not a well-formed ISRC. */
    static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String compact = code.trim().replace("-", "").toUpperCase(Locale.ROOT);
        return CODE.matcher(compact).matches() ? compact : null;
    }
}
