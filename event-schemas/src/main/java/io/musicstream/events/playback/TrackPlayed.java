package io.musicstream.events.playback;

import java.time.Instant;
import org.axonframework.serialization.Revision;

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
