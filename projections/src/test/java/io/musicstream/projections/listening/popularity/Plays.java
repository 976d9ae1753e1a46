package io.musicstream.projections.listening.popularity;

import io.musicstream.events.playback.TrackPlayed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Plays for popularity tests: counted unless said, of a track of release {@code r-<track>} by the artists given. */
final class Plays {

    private Plays() {
    }

    static TrackPlayed stream(String userId, String trackId, String startedAt, String... artistIds) {
        return play(userId, trackId, "r-" + trackId, Instant.parse(startedAt), true, List.of(artistIds));
    }

    static TrackPlayed notCounted(String userId, String trackId, String startedAt, String... artistIds) {
        return play(userId, trackId, "r-" + trackId, Instant.parse(startedAt), false, List.of(artistIds));
    }

    /** A revision-1 play as upcast: no release, no artists. */
    static TrackPlayed oldStream(String userId, String trackId, String startedAt) {
        return play(userId, trackId, null, Instant.parse(startedAt), true, List.of());
    }

    static TrackPlayed play(String userId, String trackId, String releaseId, Instant startedAt, boolean counted,
                            List<String> artistIds) {
        return new TrackPlayed(UUID.randomUUID().toString(), userId, trackId, startedAt, counted ? 180_000 : 10_000,
                "phone", "SE", "SE", releaseId, artistIds, null, null, false, counted, 1);
    }
}
