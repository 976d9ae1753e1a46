package io.musicstream.command.library;

/** Where a listener listens from, which decides what of the catalog they may save. */
public interface ListenerCountries {

    /** The user's country (ISO 3166-1 alpha-2), or {@code null} when the account names none. */
    String countryOf(String userId);
}
