package io.musicstream.command.playback;

import java.util.List;
import java.util.Optional;

/** The catalog as plays need it: does the track exist, how long is it, may it be played there? */
public interface PlayableTracks {

    /**
     * The track, or empty when the catalog has no such track.
     *
     * @param territory where it is played, or {@code null}: then only takedowns everywhere count
     */
    Optional<Track> track(String trackId, String territory);

    /**
     * @param unavailable why it may not be played in the territory, or {@code null} when it may
     * @param artistIds   the track's artists (its release's when it names none)
     */
    record Track(long durationMs, String unavailable, String releaseId, List<String> artistIds) {
    }
}
