package io.musicstream.query.playlist.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.query.playlist.formats.EntryMatch.MatchedBy;
import io.musicstream.query.playlist.formats.EntryMatch.Reason;
import io.musicstream.query.playlist.formats.TrackLookup.Candidate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ISRC first, then title and one artist without case, accents or punctuation, within 10 s when both are known. */
class PlaylistImportMatcherTest {

    private final FakeCatalog catalog = new FakeCatalog();
    private final PlaylistImportMatcher matcher = new PlaylistImportMatcher(catalog);

    @Test
    void anIsrcTheCatalogHoldsMatchesWithoutSearching() {
        catalog.isrcs.put("USRC17607839", "t-isrc");

        EntryMatch match = matcher.match(3, entry("Whatever", "Whoever", null, "USRC17607839"));

        assertThat(match).isEqualTo(new EntryMatch(3, "t-isrc", MatchedBy.ISRC, null, List.of()));
        assertThat(catalog.searches).isEmpty();
    }

    @Test
    void titleAndArtistMatchAcrossCaseAccentsAndPunctuation() {
        catalog.hits.add(new Candidate("t1", "Crème Brûlée!", List.of("Beyoncé", "JAY-Z"), 200_000L));
        catalog.hits.add(new Candidate("t2", "Creme Brulee (Remix)", List.of("Beyoncé"), 200_000L));

        EntryMatch match = matcher.match(0, entry("CREME BRULEE", "jay z & Someone Else", 205_000L, "USXXX0000001"));

        assertThat(match.trackId()).isEqualTo("t1");
        assertThat(match.matchedBy()).isEqualTo(MatchedBy.TITLE_ARTIST);
        assertThat(catalog.searches).containsExactly("CREME BRULEE|jay z & Someone Else");
    }

    @Test
    void foldedLettersAndFeaturingCreditsStillMatch() {
        catalog.hits.add(new Candidate("t1", "Straße", List.of("Sigur Rós", "Björk"), null));
        catalog.hits.add(new Candidate("t2", "Song (feat. Other)", List.of("AC/DC"), null));

        assertThat(matcher.match(0, entry("strasse", "Bjork feat. Someone", 1L, null)).trackId()).isEqualTo("t1");
        assertThat(matcher.match(1, entry("Song", "ac dc", null, null)).trackId()).isEqualTo("t2");
        assertThat(matcher.match(2, entry("Song [ft. Other]", "AC-DC", null, null)).trackId()).isEqualTo("t2");
    }

    @Test
    void twoTracksThatFitEquallyAreAmbiguous() {
        catalog.hits.add(new Candidate("album", "Yesterday", List.of("The Beatles"), 125_000L));
        catalog.hits.add(new Candidate("single", "Yesterday", List.of("the beatles"), 126_000L));
        catalog.hits.add(new Candidate("album", "Yesterday", List.of("The Beatles"), 125_000L));

        EntryMatch match = matcher.match(0, entry("Yesterday", "The Beatles", 125_000L, null));

        assertThat(match).isEqualTo(new EntryMatch(0, null, null, Reason.AMBIGUOUS, List.of("album", "single")));
        assertThat(match.matched()).isFalse();
    }

    @Test
    void noTrackWithThatTitleByThatArtistIsNotFound() {
        catalog.hits.add(new Candidate("t1", "Yesterday", List.of("Boyz II Men"), null));
        catalog.hits.add(new Candidate("t2", "Yesterday Once More", List.of("The Beatles"), null));

        assertThat(matcher.match(0, entry("Yesterday", "The Beatles", null, "USRC17607839")).reason())
                .isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void aDurationMoreThanTenSecondsAwayIsNotTheSameRecording() {
        catalog.hits.add(new Candidate("live", "Hotel California", List.of("Eagles"), 432_000L));

        assertThat(matcher.match(0, entry("Hotel California", "Eagles", 391_000L, null)).reason())
                .isEqualTo(Reason.DURATION_MISMATCH);
        assertThat(matcher.match(1, entry("Hotel California", "Eagles", 422_000L, null)).trackId()).isEqualTo("live");
        assertThat(matcher.match(2, entry("Hotel California", "Eagles", null, null)).trackId()).isEqualTo("live");
    }

    @Test
    void entriesWithoutTitleOrArtistAreNotSearched() {
        assertThat(matcher.match(0, new PlaylistEntry(null, "X", null, null, null, null, "a.mp3")).reason())
                .isEqualTo(Reason.NO_ISRC_MATCH_AND_NO_TITLE);
        assertThat(matcher.match(1, new PlaylistEntry("  ", null, null, null, "USRC17607839", null, null)).reason())
                .isEqualTo(Reason.NO_ISRC_MATCH_AND_NO_TITLE);
        assertThat(matcher.match(2, new PlaylistEntry("Title", null, null, null, null, null, null)).reason())
                .isEqualTo(Reason.NO_ISRC_MATCH_AND_NO_ARTIST);
        assertThat(catalog.searches).isEmpty();
    }

    @Test
    void aWholeDocumentGetsOneReportPerEntryInOrderAndSearchesEachPairOnce() {
        catalog.isrcs.put("USRC17607839", "t-isrc");
        catalog.hits.add(new Candidate("t1", "One", List.of("A"), null));

        List<EntryMatch> report = matcher.match(List.of(entry("x", "y", null, "USRC17607839"),
                entry("One", "A", null, null), entry("One", "A", null, null), entry(null, null, null, null)));

        assertThat(report).extracting(EntryMatch::index).containsExactly(0, 1, 2, 3);
        assertThat(report).extracting(EntryMatch::trackId).containsExactly("t-isrc", "t1", "t1", null);
        assertThat(report.get(3).reason()).isEqualTo(Reason.NO_ISRC_MATCH_AND_NO_TITLE);
        assertThat(catalog.searches).containsExactly("One|A");
    }

    @Test
    void normalizationIgnoresCaseDiacriticsAndPunctuation() {
        assertThat(MatchText.normalize("  Beyoncé — Déjà Vu!! ")).isEqualTo("beyonce deja vu");
        assertThat(MatchText.normalize("Simon & Garfunkel")).isEqualTo(MatchText.normalize("simon and garfunkel"));
        assertThat(MatchText.normalize("ＡＢＣ")).isEqualTo("abc");
        assertThat(MatchText.artists("A, B feat. C")).containsExactly("a b feat c", "a", "b", "c");
    }

    private static PlaylistEntry entry(String title, String creator, Long durationMs, String isrc) {
        return new PlaylistEntry(title, creator, null, durationMs, isrc, null, null);
    }

    /** The catalog as the matcher sees it: an ISRC index and a search that returns every hit it holds. */
    private static final class FakeCatalog implements TrackLookup {
        final Map<String, String> isrcs = new HashMap<>();
        final List<Candidate> hits = new ArrayList<>();
        final List<String> searches = new ArrayList<>();

        @Override
        public Optional<String> byIsrc(String isrc) {
            return Optional.ofNullable(isrcs.get(isrc));
        }

        @Override
        public List<Candidate> byTitleAndArtist(String title, String artist) {
            searches.add(title + "|" + artist);
            return hits;
        }
    }
}
