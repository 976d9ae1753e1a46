package io.musicstream.command.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The boundary check every command that reaches an event passes, whichever adapter sent it (HTTP, Kafka,
 * bulk import): text without control characters or unpaired surrogates, lengths within what every read
 * model column and the search index can store, bounded lists. Collect the faults of one command, then
 * {@link #orThrow()}.
 */
public final class InputRules {

    /** Ids: aggregate, item, play, device and client change ids. */
    public static final int ID = 100;
    /** Names and titles of artists, releases, tracks and rights holders. */
    public static final int NAME = 500;
    public static final int GENRE = 100;
    public static final int LABEL = 200;
    public static final int REASON = 500;
    public static final int URL = 2048;
    /** Artist ids and names are also keys of the catalog_artist directory (varchar 64 and 300). */
    public static final int ARTIST_ID = 64;
    public static final int ARTIST_NAME = 300;
    public static final int MAX_GENRES = 20;
    public static final int MAX_ARTISTS = 50;
    public static final int MAX_TERRITORIES = 300;
    public static final int MAX_RIGHTS_HOLDERS = 100;

    private static final Pattern TERRITORY = Pattern.compile("[A-Z]{2}");

    private final List<String> errors = new ArrayList<>();

    private InputRules() {
    }

    public static InputRules check() {
        return new InputRules();
    }

    /** Optional text: when present, no control characters, no unpaired surrogates, at most {@code max} characters. */
    public InputRules text(String field, String value, int max) {
        String fault = textFault(value, max);
        if (fault != null) {
            errors.add(field + ": " + fault);
        }
        return this;
    }

    /** Every element of an optional list as {@link #text}, and at most {@code maxCount} elements. */
    public InputRules texts(String field, Collection<String> values, int max, int maxCount) {
        if (values == null) {
            return this;
        }
        if (values.size() > maxCount) {
            errors.add(field + ": at most " + maxCount + " entries, got " + values.size());
            return this;
        }
        int i = 0;
        for (String value : values) {
            text(field + "[" + i++ + "]", value, max);
        }
        return this;
    }

    /** An optional list of at most {@code maxCount} elements. */
    public InputRules size(String field, Collection<?> values, int maxCount) {
        if (values != null && values.size() > maxCount) {
            errors.add(field + ": at most " + maxCount + " entries, got " + values.size());
        }
        return this;
    }

    /** An optional absolute http or https URL. */
    public InputRules url(String field, String value) {
        String fault = urlFault(value);
        if (fault != null) {
            errors.add(field + ": " + fault);
        }
        return this;
    }

    /** An optional territory: two upper-case letters (ISO 3166-1 alpha-2, or WW where the field allows it). */
    public InputRules territory(String field, String value) {
        String fault = textFault(value, 2);
        if (fault == null && value != null && !TERRITORY.matcher(value).matches()) {
            fault = "must be an ISO 3166-1 alpha-2 code such as SE";
        }
        if (fault != null) {
            errors.add(field + ": " + fault);
        }
        return this;
    }

    /** An optional name of one of {@code type}'s constants, in any case. */
    public <E extends Enum<E>> InputRules oneOf(String field, String value, Class<E> type) {
        String fault = textFault(value, ID);
        if (fault == null && value != null && constant(value, type) == null) {
            fault = "must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got " + value;
        }
        if (fault != null) {
            errors.add(field + ": " + fault);
        }
        return this;
    }

    /** The constant {@code value} names in any case, or {@code null} when absent or unknown. */
    public static <E extends Enum<E>> E constant(String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        return null;
    }

    /** Adds a fault of a rule checked by the caller. */
    public InputRules fault(String field, String message) {
        errors.add(field + ": " + message);
        return this;
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Why {@code value} cannot be stored, or {@code null} when it can (or is absent). */
    public static String textFault(String value, int max) {
        if (value == null) {
            return null;
        }
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "must not contain an unpaired surrogate (at " + i + ")";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (at " + i + ")";
            } else if (Character.getType(c) == Character.CONTROL) {
                return "must not contain control characters (U+" + String.format(Locale.ROOT, "%04X", (int) c)
                        + " at " + i + ")";
            }
            length++;
        }
        if (length > max) {
            return "must be at most " + max + " characters, got " + length;
        }
        return null;
    }

    /** Why {@code value} is not an absolute http(s) URL that can be stored, or {@code null}. */
    public static String urlFault(String value) {
        String fault = textFault(value, URL);
        if (fault != null || value == null) {
            return fault;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "must be an http or https URL";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "must name a host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "must be a valid URL";
        }
    }
}
