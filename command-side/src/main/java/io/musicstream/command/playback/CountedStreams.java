package io.musicstream.command.playback;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The start of each user's latest counted play of each track: write-side state the counting decision reads,
 * changed only in the transaction that stores the plays, so refused or duplicate plays leave it unchanged.
 */
public interface CountedStreams {

    /** A user's plays of one track: the unit the repeat window applies to. */
    record UserTrack(String userId, String trackId) {
    }

    /**
     * The start of the latest counted play of each pair, absent when there is none; no other transaction can
     * count a play of these pairs until this one ends.
     */
    Map<UserTrack, Instant> lockLastCounted(Collection<UserTrack> pairs);

    /** Records counted plays, the latest start per pair; only after {@link #lockLastCounted} in the same transaction. */
    void counted(Map<UserTrack, Instant> latestStarts);
}
