package io.musicstream.events.catalog;

import java.util.List;

/**
 * A track as delivered with its release. {@code territories} are ISO 3166-1 alpha-2 codes where the
 * track may be streamed; {@code ["WW"]} means worldwide.
 */
public record TrackSpec(
        String trackId,
        String isrc,
        String title,
        long durationMs,
        int discNumber,
        int trackNumber,
        boolean explicit,
        List<String> artistIds,
        AudioFeatures audioFeatures,
        List<String> territories,
        List<RightsShare> rightsHolders) {
}
