package io.musicstream.query.playlist.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a reader found wrong so far, and the checks every text field passes: no control characters or unpaired
 * surrogates (no read model can store them), within its length. Line breaks and tabs in one-line fields become
 * spaces; surrounding white space is trimmed and empty text is absent.
 */
final class Problems {

    /** Enough to fix a file in one go without echoing a hostile file back in full. */
    static final int MAX_LISTED = 20;

    private final PlaylistFormat format;
    private final PlaylistReadLimits limits;
    private final List<String> found = new ArrayList<>();

    Problems(PlaylistFormat format, PlaylistReadLimits limits) {
        this.format = format;
        this.limits = limits;
    }

    PlaylistReadLimits limits() {
        return limits;
    }

    void add(String problem) {
        found.add(problem);
        if (found.size() >= MAX_LISTED) {
            found.add("stopped after " + MAX_LISTED + " problems");
            throw exception();
        }
    }

    /** Stops reading at once: the document cannot be read further (not well-formed, too many entries). */
    PlaylistFormatException fatal(String problem) {
        found.add(problem);
        return exception();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw exception();
        }
    }

    private PlaylistFormatException exception() {
        return new PlaylistFormatException(format, found);
    }

    void entryCount(int count) {
        if (count > limits.maxEntries()) {
            throw fatal("more than " + limits.maxEntries() + " entries");
        }
    }

    String line(String where, String raw, int max) {
        return text(where, raw, max, false);
    }

    String paragraph(String where, String raw, int max) {
        return text(where, raw, max, true);
    }

    Long duration(String where, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        if (value.length() > 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            add(where + ": must be a whole number of milliseconds from 0 to 999999999999");
            return null;
        }
        return Long.parseLong(value);
    }

    private String text(String where, String raw, int max, boolean multiline) {
        if (raw == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(raw.length(), max + 1));
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                clean.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                add(where + ": contains an unpaired surrogate");
                return null;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                clean.append(multiline && c != '\t' ? '\n' : ' ');
                if (c == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (Character.getType(c) == Character.CONTROL) {
                add(where + ": contains the control character U+" + String.format(Locale.ROOT, "%04X", (int) c));
                return null;
            } else {
                clean.append(c);
            }
            length++;
            if (length > max + 2 * 1024) {
                break;
            }
        }
        String value = clean.toString().strip();
        if (value.isEmpty()) {
            return null;
        }
        int codePoints = value.codePointCount(0, value.length());
        if (codePoints > max) {
            add(where + ": longer than " + max + " characters");
            return null;
        }
        return value;
    }
}
