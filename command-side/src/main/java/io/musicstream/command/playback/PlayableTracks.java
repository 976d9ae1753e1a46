package io.musicstream.command.playback;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The catalog as plays need it: does the track exist, how long is it, may it be played there? */
public interface PlayableTracks {

    /** The tracks the catalog knows among {@code trackIds}, by id (one lookup for a whole batch of plays). */
    Map<String, Track> tracks(Collection<String> trackIds);

    /** A track as the catalog knows it now. */
    interface Track {

        long durationMs();

        String releaseId();

        /** The track's artists (its release's when it names none). */
        List<String> artistIds();

        /**
         * Why it may not be played in {@code territory}, or {@code null} when it may.
         *
         * @param territory where it is played, or {@code null}: then only takedowns everywhere count
         */
        String unavailableIn(String territory);
    }
}
