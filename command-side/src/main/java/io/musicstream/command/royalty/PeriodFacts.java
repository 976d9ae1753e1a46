package io.musicstream.command.royalty;

import java.util.List;
import java.util.Map;

/**
 * What the payout of a pool needs to know of the whole period, across every territory and tier.
 *
 * @param trailingStreams per track, its counted streams in the 12 months ending at the period's end
 * @param trackArtists    per track, its artists
 * @param artistReach     per artist, its streams and distinct listeners in the period
 */
public record PeriodFacts(Map<String, Long> trailingStreams, Map<String, List<String>> trackArtists,
                          Map<String, ArtistReach> artistReach) {

    public record ArtistReach(long streams, long listeners) {
    }

    public PeriodFacts {
        trailingStreams = Map.copyOf(trailingStreams);
        trackArtists = Map.copyOf(trackArtists);
        artistReach = Map.copyOf(artistReach);
    }

    /** No track has streams, no artist reach: for rules that need neither. */
    public static PeriodFacts none() {
        return new PeriodFacts(Map.of(), Map.of(), Map.of());
    }
}
