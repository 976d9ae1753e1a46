package io.musicstream.command.playback;

import java.time.Instant;

/**
 * The start of each user's latest counted play of each track: write-side state the counting decision reads,
 * changed only in the transaction that stores the play, so a refused or duplicate play leaves it unchanged.
 */
public interface CountedStreams {

    /**
     * The start of the latest counted play of the track by the user, or {@code null}; no other transaction
     * can count a play of the same user and track until this one ends.
     */
    Instant lockLastCounted(String userId, String trackId);

    /** Records a counted play; the latest start is kept. Only after {@link #lockLastCounted} in the same transaction. */
    void counted(String userId, String trackId, Instant startedAt);
}
