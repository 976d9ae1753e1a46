package io.musicstream.query.catalog.browse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The {@code territory} query parameter: an ISO 3166-1 alpha-2 country code, or absent. */
final class Territories {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}");
    /** ISO 3166-1's assigned codes, and XK (Kosovo), which is user-assigned but in use by the music trade. */
    private static final Set<String> KNOWN = Stream.concat(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
            .stream(), Stream.of("XK")).collect(Collectors.toUnmodifiableSet());

    private Territories() {
    }

    /** The territory, or {@code null} when none was given; a 400 when it is not a country code. */
    static String parse(String territory) {
        if (territory == null) {
            return null;
        }
        if (!FORMAT.matcher(territory).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "territory must be an ISO 3166-1 alpha-2 country code in capitals, such as SE; got '"
                            + abbreviate(territory) + "'");
        }
        if (!KNOWN.contains(territory)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "territory " + territory + " is not an ISO 3166-1 alpha-2 country code");
        }
        return territory;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
