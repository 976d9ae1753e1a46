package io.musicstream.events.ids;

import java.util.Comparator;

/**
 * Ids in Unicode code point order: the order of PostgreSQL's "C" collation on UTF-8 and of {@code LC_ALL=C sort},
 * which Java's {@link String#compareTo} (UTF-16 units) leaves for characters beyond the Basic Multilingual Plane.
 */
public enum CodePoints {
    ;

    public static final Comparator<String> ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
}
