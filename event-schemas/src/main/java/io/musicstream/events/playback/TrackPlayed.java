package io.musicstream.events.playback;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user played a track; stored once per user and client play id.
 *
 * @param territory where the client said the track was played, or {@code null} when it did not say (the play
 *                  was then checked against the user's country)
 */
@Revision("1")
public record TrackPlayed(
        String playId,
        String userId,
        String trackId,
        Instant startedAt,
        long msPlayed,
        String deviceId,
        String territory) implements PlaybackEvent {
}
