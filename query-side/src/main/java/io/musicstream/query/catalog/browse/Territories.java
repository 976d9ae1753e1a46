package io.musicstream.query.catalog.browse;

import io.musicstream.projections.account.UserAccountView;
import io.musicstream.projections.account.UserAccounts;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The territory a catalog read is for: the {@code territory} query parameter (an ISO 3166-1 alpha-2 country
 * code) when given, else the caller's own country when they have set one, else none.
 */
@Component
public class Territories {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}");
    /** ISO 3166-1's assigned codes, and XK (Kosovo), which is user-assigned but in use by the music trade. */
    private static final Set<String> KNOWN = Stream.concat(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
            .stream(), Stream.of("XK")).collect(Collectors.toUnmodifiableSet());

    private final UserAccounts accounts;

    public Territories(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** The given territory, or the caller's country; {@code null} for neither; a 400 for a bad code. */
    public String of(String territory, Principal caller) {
        return territory == null ? ofCaller(caller) : parse(territory);
    }

    /** The caller's own country, or {@code null} when they have set none (or nobody is signed in). */
    public String ofCaller(Principal caller) {
        return caller == null ? null : accounts.byId(caller.getName()).map(UserAccountView::country).orElse(null);
    }

    /** The territory; a 400 when it is not a country code. */
    private static String parse(String territory) {
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
