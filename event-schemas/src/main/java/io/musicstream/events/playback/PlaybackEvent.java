package io.musicstream.events.playback;

/** What was played, and the rules that decide which plays count as streams. */
public sealed interface PlaybackEvent permits TrackPlayed, StreamRulesAdopted {
}
