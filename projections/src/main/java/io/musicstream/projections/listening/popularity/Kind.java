package io.musicstream.projections.listening.popularity;

/** What a popularity row is about; {@link #column} is the value of the tables' {@code kind}. */
enum Kind {
    TRACK("track"), ALBUM("album"), ARTIST("artist");

    final String column;

    Kind(String column) {
        this.column = column;
    }
}
