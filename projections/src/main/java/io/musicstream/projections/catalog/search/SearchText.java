package io.musicstream.projections.catalog.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text for search the same way at index and at query time: decomposes accents and drops them,
 * lower-cases. Only Latin letters lose their marks: in other scripts a mark can make another letter. The Elasticsearch build we run has no asciifolding filter, so folding happens here.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp)) {
                folded.append(' '); // nothing indexed holds one; some are reserved in completion fields
                continue;
            }
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (!mark) {
                base = Character.UnicodeScript.of(cp);
                folded.appendCodePoint(cp);
            } else if (base != Character.UnicodeScript.LATIN) {
                folded.appendCodePoint(cp); // й, が and other letters of other scripts keep their marks
            }
        }
        String latin = Normalizer.normalize(folded, Normalizer.Form.NFC)
                .replace('ø', 'o').replace('Ø', 'O').replace('ł', 'l').replace('Ł', 'L')
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe").replace("Œ", "OE")
                .replace('đ', 'd').replace('Đ', 'D').replace('ı', 'i');
        return latin.toLowerCase(Locale.ROOT);
    }
}
