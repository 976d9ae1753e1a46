package io.musicstream.command.playback;

import java.util.Collection;
import java.util.Map;

/** Plays already in the event store, so a redelivered report is answered from the first one. */
public interface RecordedPlays {

    /** The stored decision of each play among {@code playIds} ({@code PlayIds}) already recorded. */
    Map<String, StreamCounting.Decision> decisions(Collection<String> playIds);
}
