package io.musicstream.command.playback;

import io.musicstream.events.ids.PlayIds;
import java.time.Instant;

/**
 * A client reports that a user played a track; {@link PlayRecorder} records reports in batches. {@code playId} is chosen by the client and makes the report
 * idempotent per user: the same play reported twice is stored once.
 *
 * @param territory   where it was played, or {@code null}: then the user's country
 * @param endReason   a name of {@code EndReason} in any case, or {@code null} when unknown
 * @param contextType a name of {@code PlayContext.Type} in any case, or {@code null} when unknown
 * @param contextId   the album, playlist or artist played from, or {@code null}
 * @param receivedAt when the server received the report (from the adapter's clock)
 */
public record RecordPlay(
        String playId,
        String userId,
        String trackId,
        Instant startedAt,
        long msPlayed,
        String deviceId,
        String territory,
        String endReason,
        String contextType,
        String contextId,
        boolean offline,
        Instant receivedAt) {

    /** The play's stream in the event store: the play id is scoped to its user. */
    public String aggregateId() {
        return PlayIds.of(userId, playId);
    }
}
