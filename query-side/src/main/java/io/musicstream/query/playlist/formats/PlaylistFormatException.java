package io.musicstream.query.playlist.formats;

import java.util.List;

/** A document that cannot be imported: every problem found, each saying where and what. A client error (4xx). */
public class PlaylistFormatException extends RuntimeException {

    private final PlaylistFormat format;
    private final List<String> problems;

    public PlaylistFormatException(PlaylistFormat format, List<String> problems) {
        super("not a valid " + format.label() + " playlist: " + String.join("; ", problems));
        this.format = format;
        this.problems = List.copyOf(problems);
    }

    public PlaylistFormat format() {
        return format;
    }

    public List<String> problems() {
        return problems;
    }
}
