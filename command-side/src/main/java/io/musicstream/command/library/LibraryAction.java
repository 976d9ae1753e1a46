package io.musicstream.command.library;

/** A change a device made to the library: save (follow, for artists) or remove (unfollow). */
public enum LibraryAction {
    SAVE,
    REMOVE
}
