package io.musicstream.events.catalog;

/**
 * Audio analysis of a track. Tempo in BPM, loudness in dB; the others are 0..1.
 */
public record AudioFeatures(
        double tempo,
        double energy,
        double valence,
        double danceability,
        double acousticness,
        double instrumentalness,
        double loudness) {
}
