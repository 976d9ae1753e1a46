package io.musicstream.command.playback;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Counted streams in a map, for tests that record one batch at a time. */
class InMemoryCountedStreams implements CountedStreams {

    final Map<String, Instant> lastCounted = new HashMap<>();

    @Override
    public Map<UserTrack, Instant> lockLastCounted(Collection<UserTrack> pairs) {
        Map<UserTrack, Instant> last = new HashMap<>();
        for (UserTrack pair : pairs) {
            Instant start = lastCounted.get(pair.userId() + "/" + pair.trackId());
            if (start != null) {
                last.put(pair, start);
            }
        }
        return last;
    }

    @Override
    public void counted(Map<UserTrack, Instant> latestStarts) {
        latestStarts.forEach((pair, start) -> counted(pair.userId(), pair.trackId(), start));
    }

    void counted(String userId, String trackId, Instant startedAt) {
        lastCounted.merge(userId + "/" + trackId, startedAt, (a, b) -> a.isAfter(b) ? a : b);
    }
}
