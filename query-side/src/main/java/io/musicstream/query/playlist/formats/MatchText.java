package io.musicstream.query.playlist.formats;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Text compared without case, diacritics or punctuation, so "Beyoncé" matches "BEYONCE" and "AC/DC" "ac dc". */
final class MatchText {

    /** Separators between artists in one creator string: "A, B", "A & B", "A feat. B", "A x B". */
    private static final Pattern ARTIST_SEPARATOR = Pattern.compile(
            "\\s*[,;&/+]\\s*|\\s+(?:feat\\.?|ft\\.?|featuring|with|vs\\.?|x|and)\\s+", Pattern.CASE_INSENSITIVE);
    /** A featuring credit in a title, "Song (feat. B)", which catalogs and files keep or drop unevenly. */
    private static final Pattern FEATURING = Pattern.compile(
            "\\s*[(\\[](?:feat\\.?|ft\\.?|featuring|with)\\s[^)\\]]*[)\\]]", Pattern.CASE_INSENSITIVE);

    private MatchText() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(fold(c));
            } else if (c == '&') {
                out.append(out.length() > 0 ? " and" : "and");
                space = true;
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    /** Letters NFKD leaves whole; lower case in the root locale. */
    private static String fold(int c) {
        return switch (c) {
            case 'ß' -> "ss";
            case 'ø', 'Ø' -> "o";
            case 'æ', 'Æ' -> "ae";
            case 'œ', 'Œ' -> "oe";
            case 'ł', 'Ł' -> "l";
            case 'đ', 'Đ', 'ð', 'Ð' -> "d";
            case 'þ', 'Þ' -> "th";
            case 'ı' -> "i";
            default -> new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
        };
    }

    /** The title normalized, and without a featuring credit when it has one. */
    static Set<String> titles(String title) {
        Set<String> titles = new LinkedHashSet<>();
        titles.add(normalize(title));
        titles.add(normalize(FEATURING.matcher(title == null ? "" : title).replaceAll("")));
        titles.remove("");
        return titles;
    }

    /** The whole creator normalized, and each artist in it. */
    static Set<String> artists(String creator) {
        Set<String> artists = new LinkedHashSet<>();
        if (creator == null) {
            return artists;
        }
        artists.add(normalize(creator));
        for (String part : ARTIST_SEPARATOR.split(creator)) {
            artists.add(normalize(part));
        }
        artists.remove("");
        return artists;
    }
}
