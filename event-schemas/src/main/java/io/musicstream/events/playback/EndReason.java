package io.musicstream.events.playback;

/** Why a play ended, as the client reported it. */
public enum EndReason {
    TRACK_DONE, SKIPPED, STOPPED, ERROR, OTHER
}
