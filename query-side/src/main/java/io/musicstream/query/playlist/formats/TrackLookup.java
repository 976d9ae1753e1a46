package io.musicstream.query.playlist.formats;

import java.util.List;
import java.util.Optional;

/** What {@link PlaylistImportMatcher} asks of the catalog; the web layer implements it over the catalog's readers. */
public interface TrackLookup {

    /** Our track with this ISRC (12 characters, upper case, no hyphens), if the catalog holds one. */
    Optional<String> byIsrc(String isrc);

    /**
     * Tracks the catalog's search finds for this title and artist (the entry's creator as written, which may name
     * several artists); the matcher decides which of them fit.
     */
    List<Candidate> byTitleAndArtist(String title, String artist);

    /** A search hit: {@code durationMs} may be {@code null} when unknown. */
    record Candidate(String trackId, String title, List<String> artistNames, Long durationMs) {

        public Candidate {
            artistNames = artistNames == null ? List.of() : List.copyOf(artistNames);
        }
    }
}
