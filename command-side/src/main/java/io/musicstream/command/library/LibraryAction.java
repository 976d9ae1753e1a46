package io.musicstream.command.library;

import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryEvent;

/** A change a device made to the library: save (follow, for artists) or remove (unfollow). */
public enum LibraryAction {
    SAVE,
    REMOVE;

    /** The action an event records. */
    static LibraryAction of(LibraryEvent event) {
        return event instanceof ItemSavedToLibrary ? SAVE : REMOVE;
    }
}
