package io.musicstream.events.ids;

/**
 * A user's library is one aggregate; its identifier derives from the user's. Stream ids are stored with every
 * event (the event store's aggregate identifier) and read by the read side, so they are as permanent as event
 * names and live beside the events, where every module can see them.
 */
public enum LibraryIds {
    ;

    private static final String PREFIX = "library:";

    public static String of(String userId) {
        return PREFIX + userId;
    }
}
