package io.musicstream.events.playback;

/**
 * What the track was played from.
 *
 * @param id the album, playlist or artist id, or {@code null} when the context has none (search, library)
 */
public record PlayContext(Type type, String id) {

    public enum Type {
        ALBUM, PLAYLIST, ARTIST, SEARCH, RADIO, LIBRARY, OTHER
    }
}
