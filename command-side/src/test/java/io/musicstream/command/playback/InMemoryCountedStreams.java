package io.musicstream.command.playback;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counted streams in a map, for tests that run one command at a time. */
class InMemoryCountedStreams implements CountedStreams {

    final Map<String, Instant> lastCounted = new HashMap<>();

    @Override
    public Instant lockLastCounted(String userId, String trackId) {
        return lastCounted.get(userId + "/" + trackId);
    }

    @Override
    public void counted(String userId, String trackId, Instant startedAt) {
        lastCounted.merge(userId + "/" + trackId, startedAt, (a, b) -> a.isAfter(b) ? a : b);
    }
}
