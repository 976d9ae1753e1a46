package io.musicstream.events.library;

import java.time.Instant;

/** A change to one item of a user's library. */
public sealed interface LibraryEvent permits ItemSavedToLibrary, ItemRemovedFromLibrary {

    String userId();

    LibraryItemType itemType();

    String itemId();

    Instant changedAt();

    /** The device's id of an offline change, {@code null} for online writes. */
    String clientChangeId();
}
