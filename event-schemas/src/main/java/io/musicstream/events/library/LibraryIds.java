package io.musicstream.events.library;

/** A user's library is one aggregate; its identifier derives from the user's. */
public enum LibraryIds {
    ;

    private static final String PREFIX = "library:";

    public static String of(String userId) {
        return PREFIX + userId;
    }
}
