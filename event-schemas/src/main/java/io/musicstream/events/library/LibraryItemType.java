package io.musicstream.events.library;

/** What a library entry points at. Saving an artist is following it. */
public enum LibraryItemType {
    TRACK,
    ALBUM,
    ARTIST
}
