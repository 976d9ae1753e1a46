package io.musicstream.command.playback;

import io.musicstream.events.playback.StreamRulesAdopted;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a play counts as a stream, decided once when it is recorded: the rules in force at its start
 * decide; it counts when it lasted at least their minimum and no counted play of the same track by the same
 * user started within their repeat window before or after it.
 */
public enum StreamCounting {
    ;

    public record Decision(boolean counted, int ruleVersion) {
    }

    /** Whether the play is long enough to count, so the caller need not look up earlier plays when not. */
    public static boolean longEnough(StreamRuleHistory rules, Instant startedAt, long msPlayed) {
        return msPlayed >= rules.inForceAt(startedAt).minMsPlayed();
    }

    /**
     * @param lastCountedStart the start of the latest counted play of the same track by the same user, or
     *                         {@code null} when there is none
     */
    public static Decision decide(StreamRuleHistory rules, Instant startedAt, long msPlayed, Instant lastCountedStart) {
        StreamRulesAdopted inForce = rules.inForceAt(startedAt);
        boolean longEnough = msPlayed >= inForce.minMsPlayed();
        boolean outsideWindow = lastCountedStart == null
                || Duration.between(lastCountedStart, startedAt).abs().toMillis() >= inForce.repeatWindowMs();
        return new Decision(longEnough && outsideWindow, inForce.version());
    }
}
