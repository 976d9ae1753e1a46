package io.musicstream.events.playback;

/** What was played. */
public sealed interface PlaybackEvent permits TrackPlayed {
}
