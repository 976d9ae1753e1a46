package io.musicstream.events.library;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a library entry points at. Saving an artist is following it. */
public enum LibraryItemType {
    TRACK,
    ALBUM,
    ARTIST;

    /** The type as the API and the read models spell it: {@code track}, {@code album}, {@code artist}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a library section as paths name it ({@code tracks}, {@code albums}, {@code artists}). */
    public static Optional<LibraryItemType> ofSection(String section) {
        return Arrays.stream(values()).filter(type -> (type.wireName() + "s").equals(section)).findFirst();
    }
}
