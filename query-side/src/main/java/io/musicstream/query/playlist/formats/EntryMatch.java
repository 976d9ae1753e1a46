package io.musicstream.query.playlist.formats;

import java.util.List;

/**
 * How one imported entry was matched: {@code trackId} and {@code matchedBy} when it was, else {@code reason}, and for
 * {@link Reason#AMBIGUOUS} the tracks it could be. {@code index} is the entry's position in the document, from 0.
 */
public record EntryMatch(int index, String trackId, MatchedBy matchedBy, Reason reason, List<String> candidates) {

    public enum MatchedBy {
        ISRC, TITLE_ARTIST
    }

    public enum Reason {
        /** No ISRC, or one the catalog does not hold, and no title to search by. */
        NO_ISRC_MATCH_AND_NO_TITLE,
        /** No ISRC match, a title but no artist: a title alone is too weak to match on. */
        NO_ISRC_MATCH_AND_NO_ARTIST,
        /** No track with this title by this artist. */
        NOT_FOUND,
        /** Title and artist fit, but every such track's duration differs by more than the tolerance. */
        DURATION_MISMATCH,
        /** More than one track fits equally well. */
        AMBIGUOUS
    }

    public EntryMatch {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public boolean matched() {
        return trackId != null;
    }

    static EntryMatch matched(int index, String trackId, MatchedBy by) {
        return new EntryMatch(index, trackId, by, null, List.of());
    }

    static EntryMatch notMatched(int index, Reason reason, List<String> candidates) {
        return new EntryMatch(index, null, null, reason, candidates);
    }
}
