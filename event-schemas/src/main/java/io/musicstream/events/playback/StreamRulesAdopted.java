package io.musicstream.events.playback;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * New rules for counting plays as streams, in force for plays that start at or after {@code effectiveFrom}
 * until the next version's. A play counts when at least {@code minMsPlayed} were played and no counted play
 * of the same track by the same user started less than {@code repeatWindowMs} before or after it.
 *
 * @param version   one more than the previous version; version 1 is {@link #VERSION_1}, never adopted
 * @param adoptedBy the admin who adopted them
 */
@Revision("1")
public record StreamRulesAdopted(
        int version,
        long minMsPlayed,
        long repeatWindowMs,
        Instant effectiveFrom,
        String adoptedBy) implements PlaybackEvent {

    /** The rules in force when none were adopted: 30 s played, 30 s between counted plays of a track. */
    public static final StreamRulesAdopted VERSION_1 = new StreamRulesAdopted(1, 30_000, 30_000, Instant.EPOCH, null);
}
