package io.musicstream.infra.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Where the replay's fold puts what a period's statements need: the {@link ReplayTally}, or a test's maps. */
interface ReplayRows {

    /** A track's rights shares from {@code validFrom} on, made by the event at {@code globalIndex}. */
    record ShareVersion(String trackId, int version, Instant validFrom, List<String> partyIds,
                        List<Integer> basisPoints, String isrc, List<String> artistIds, long globalIndex) {
    }

    /**
     * One counted stream's keys: the period it was played in and the one it was settled in, its pool's territory
     * and tier, the listener, the track under the share version in force at its start, its UTC day.
     */
    record PlayKey(String period, String territory, String tier, String settledIn, String userId, String trackId,
                   int shareVersion, LocalDate day, boolean soughtOut) {
    }

    /** A listener's counted stream of an artist (the play's artists, each once). */
    record ArtistKey(String period, String settledIn, String artistId, String userId) {
    }

    void share(ShareVersion version);

    void stream(PlayKey play);

    void artistStream(ArtistKey artist);
}
