package io.musicstream.projections.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for search the same way at index and at query time: decomposes accents and drops them,
 * lower-cases. The Elasticsearch build we run has no asciifolding filter, so folding happens here.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String stripped = MARKS.matcher(decomposed).replaceAll("")
                .replace('ø', 'o').replace('Ø', 'O').replace('ł', 'l').replace('Ł', 'L')
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe").replace("Œ", "OE")
                .replace('đ', 'd').replace('Đ', 'D').replace('ı', 'i');
        return stripped.toLowerCase(Locale.ROOT);
    }
}
