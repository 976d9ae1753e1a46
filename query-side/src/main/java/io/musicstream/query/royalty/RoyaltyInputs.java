package io.musicstream.query.royalty;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The parameters of the royalty reads, checked; a 400 naming the parameter otherwise. */
final class RoyaltyInputs {

    static final int MAX_LIMIT = 1_000;
    static final int MAX_OFFSET = 1_000_000;
    /** As the command side's ids: at most 100 characters. */
    static final int MAX_ID_LENGTH = 100;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    /** ISO 3166-1 alpha-2, XK (in use by the music trade) and XX, where plays of no known territory count. */
    private static final Set<String> TERRITORIES = Stream.concat(
            Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream(), Stream.of("XK", "XX"))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> TIERS = Set.of("FREE", "PREMIUM");

    private RoyaltyInputs() {
    }

    static YearMonth period(String value) {
        if (value == null) {
            throw bad("period is required: a month written YYYY-MM");
        }
        if (!PERIOD.matcher(value).matches()) {
            throw bad("period must be a month written YYYY-MM, such as 2026-11");
        }
        return YearMonth.parse(value);
    }

    /** An id as the command side takes them: not blank, at most 100 characters, no control characters. */
    static String id(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw bad(name + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw bad(name + " must be at most " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw bad(name + " must not hold control characters");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(++i)))) {
                throw bad(name + " must not hold an unpaired surrogate");
            }
        }
        return value;
    }

    static String territory(String value) {
        if (value != null && !TERRITORIES.contains(value)) {
            throw bad("territory must be an ISO 3166-1 alpha-2 country code in capitals, such as DK, or XX for"
                    + " plays of no known territory");
        }
        return value;
    }

    static String tier(String value) {
        if (value != null && !TIERS.contains(value)) {
            throw bad("tier must be FREE or PREMIUM");
        }
        return value;
    }

    static void limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw bad("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    static void offset(int offset) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw bad("offset must be between 0 and " + MAX_OFFSET);
        }
    }

    /** A file name of the id's letters, digits, dots, dashes and underscores; others become underscores. */
    static String fileNamePart(String value) {
        return value.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
