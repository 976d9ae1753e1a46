package io.musicstream.command.library;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Where a listener listens from, which decides what of the catalog they may save and play. */
public interface ListenerCountries {

    /** The user's country (ISO 3166-1 alpha-2), or {@code null} when the account names none. */
    String countryOf(String userId);

    /** The countries of those among {@code userIds} whose account names one; adapters answer in one lookup. */
    default Map<String, String> countriesOf(Collection<String> userIds) {
        Map<String, String> countries = new HashMap<>();
        for (String userId : userIds) {
            String country = countryOf(userId);
            if (country != null) {
                countries.put(userId, country);
            }
        }
        return countries;
    }
}
