package io.musicstream.query.playlist.formats;

import io.musicstream.query.playlist.formats.EntryMatch.MatchedBy;
import io.musicstream.query.playlist.formats.EntryMatch.Reason;
import io.musicstream.query.playlist.formats.TrackLookup.Candidate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches imported entries to our tracks: by ISRC first; else by title and artist through the catalog's search,
 * accepting a hit whose title and one of whose artists equal the entry's without case, diacritics or punctuation,
 * and whose duration is within {@link #DURATION_TOLERANCE_MS} when both are known. Exactly one such track is a
 * match; more is {@link Reason#AMBIGUOUS}. An entry's own track id (from one of our URLs) is not trusted: the file
 * is the client's.
 */
public final class PlaylistImportMatcher {

    /** Releases and remasters of one recording differ by a few seconds; a different recording usually by more. */
    public static final long DURATION_TOLERANCE_MS = 10_000;

    private final TrackLookup lookup;

    public PlaylistImportMatcher(TrackLookup lookup) {
        this.lookup = lookup;
    }

    /** One report per entry, in order. Repeated title and artist pairs are searched once. */
    public List<EntryMatch> match(List<PlaylistEntry> entries) {
        Map<List<String>, List<Candidate>> searches = new HashMap<>();
        List<EntryMatch> matches = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            matches.add(match(i, entries.get(i), searches));
        }
        return matches;
    }

    public EntryMatch match(int index, PlaylistEntry entry) {
        return match(index, entry, new HashMap<>());
    }

    private EntryMatch match(int index, PlaylistEntry entry, Map<List<String>, List<Candidate>> searches) {
        if (entry.isrc() != null) {
            Optional<String> byIsrc = lookup.byIsrc(entry.isrc());
            if (byIsrc.isPresent()) {
                return EntryMatch.matched(index, byIsrc.get(), MatchedBy.ISRC);
            }
        }
        if (entry.title() == null || entry.title().isBlank()) {
            return EntryMatch.notMatched(index, Reason.NO_ISRC_MATCH_AND_NO_TITLE, List.of());
        }
        if (entry.creator() == null || entry.creator().isBlank()) {
            return EntryMatch.notMatched(index, Reason.NO_ISRC_MATCH_AND_NO_ARTIST, List.of());
        }
        String title = entry.title().strip();
        String artist = entry.creator().strip();
        List<Candidate> candidates = searches.computeIfAbsent(List.of(title, artist),
                key -> lookup.byTitleAndArtist(title, artist));

        Set<String> titles = MatchText.titles(entry.title());
        Set<String> artists = MatchText.artists(entry.creator());
        Set<String> fitting = new LinkedHashSet<>();
        boolean durationMismatch = false;
        for (Candidate candidate : candidates) {
            if (candidate.trackId() == null || !sameTitle(titles, candidate) || !oneArtist(artists, candidate)) {
                continue;
            }
            if (entry.durationMs() != null && candidate.durationMs() != null
                    && Math.abs(entry.durationMs() - candidate.durationMs()) > DURATION_TOLERANCE_MS) {
                durationMismatch = true;
                continue;
            }
            fitting.add(candidate.trackId());
        }
        if (fitting.size() == 1) {
            return EntryMatch.matched(index, fitting.iterator().next(), MatchedBy.TITLE_ARTIST);
        }
        if (fitting.size() > 1) {
            return EntryMatch.notMatched(index, Reason.AMBIGUOUS, List.copyOf(fitting));
        }
        return EntryMatch.notMatched(index, durationMismatch ? Reason.DURATION_MISMATCH : Reason.NOT_FOUND, List.of());
    }

    private static boolean sameTitle(Set<String> titles, Candidate candidate) {
        for (String title : MatchText.titles(candidate.title())) {
            if (titles.contains(title)) {
                return true;
            }
        }
        return false;
    }

    private static boolean oneArtist(Set<String> artists, Candidate candidate) {
        for (String name : candidate.artistNames()) {
            if (artists.contains(MatchText.normalize(name))) {
                return true;
            }
        }
        return false;
    }
}
