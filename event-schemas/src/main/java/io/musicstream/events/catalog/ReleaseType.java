package io.musicstream.events.catalog;

public enum ReleaseType {
    ALBUM, SINGLE, EP, COMPILATION
}
