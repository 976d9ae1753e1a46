package io.musicstream.events.playback;

import io.musicstream.events.account.Plan;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A user played a track; stored once per user and client play id. Whether it counts as a stream is decided
 * once, when it is recorded, and carried here so that every reader sees the same decision.
 *
 * @param territory   where the client said the track was played, or {@code null} when it did not say (the play
 *                    was then checked against the user's country)
 * @param playedIn    the territory the play was checked against (the client's, else the listener's country at the
 *                    time), or {@code null} when neither was known; charts and royalties count it there
 * @param releaseId   the release the track belonged to when it was played
 * @param artistIds   the track's artists when it was played (its release's when it names none)
 * @param endReason   why the play ended, or {@code null} when unknown
 * @param context     what it was played from, or {@code null} when unknown
 * @param offline     whether it was played without a connection and reported later
 * @param counted     whether it counts as a stream under the rules in force at {@code startedAt}
 * @param ruleVersion the version of the stream rules in force at {@code startedAt}
 * @param tier        the listener's plan when the play was recorded: the royalty pool its stream is paid from;
 *                    {@code null} for plays recorded before plays carried it (revision 2 and older)
 */
@Revision("3")
public record TrackPlayed(
        String playId,
        String userId,
        String trackId,
        Instant startedAt,
        long msPlayed,
        String deviceId,
        String territory,
        String playedIn,
        String releaseId,
        List<String> artistIds,
        EndReason endReason,
        PlayContext context,
        boolean offline,
        boolean counted,
        int ruleVersion,
        Plan tier) implements PlaybackEvent {

    public TrackPlayed {
        artistIds = artistIds == null ? List.of() : List.copyOf(artistIds);
    }

    /** A play whose listener's plan is not known ({@code tier} null). */
    public TrackPlayed(String playId, String userId, String trackId, Instant startedAt, long msPlayed, String deviceId,
                       String territory, String playedIn, String releaseId, List<String> artistIds,
                       EndReason endReason, PlayContext context, boolean offline, boolean counted, int ruleVersion) {
        this(playId, userId, trackId, startedAt, msPlayed, deviceId, territory, playedIn, releaseId, artistIds,
                endReason, context, offline, counted, ruleVersion, null);
    }
}
