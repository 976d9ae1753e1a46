package io.musicstream.projections.catalog.search;

import static io.musicstream.projections.catalog.CatalogEvents.artist;
import static io.musicstream.projections.catalog.CatalogEvents.release;
import static io.musicstream.projections.catalog.CatalogEvents.restored;
import static io.musicstream.projections.catalog.CatalogEvents.takenDown;
import static io.musicstream.projections.catalog.CatalogEvents.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.projections.catalog.search.CatalogSearch.Filters;
import io.musicstream.projections.catalog.search.CatalogSearch.KindResults;
import io.musicstream.projections.catalog.search.CatalogSearch.SearchHit;
import io.musicstream.projections.catalog.search.CatalogSearch.Suggestion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the search reader answers, given catalog events: hits by kind, filters, takedowns, suggestions. */
class CatalogSearchTest {

    private static final List<String> ALL = List.of("track", "album", "artist");
    private static final List<String> QUEEN = List.of("queen");
    private static final List<String> WORLDWIDE = List.of("WW");

    private SearchReadModel model;

    @BeforeEach
    void freshIndex() {
        model = new SearchReadModel();
        model.register(artist("queen", "Queen"), artist("sigur", "Sigur Rós"));
        model.deliver(release("opera", "A Night at the Opera", List.of("queen"), "1975-11-21", List.of("rock"),
                        track("rhapsody", "Bohemian Rhapsody", 1, 1, QUEEN, WORLDWIDE),
                        track("love", "Love of My Life", 1, 2, QUEEN, WORLDWIDE)),
                release("takk", "Takk...", List.of("sigur"), "2005-09-12", List.of("post-rock"),
                        track("hopp", "Hoppípolla", 1, 1, List.of("sigur"), List.of("IS", "SE"))));
    }

    private List<String> trackIds(String text, Filters filters) {
        return model.search.search(text, List.of("track"), filters, 10, 0).get("track").items().stream()
                .map(SearchHit::id).toList();
    }

    @Test
    void resultsComeByKindInTheOrderAskedWithTotalsAndDisplayFields() {
        Map<String, KindResults> results = model.search.search("queen", List.of("artist", "album", "track"),
                Filters.NONE, 10, 0);

        assertThat(results.keySet()).containsExactly("artist", "album", "track");
        assertThat(results.get("artist").items()).extracting(SearchHit::id).containsExactly("queen");
        assertThat(results.get("album").items()).extracting(SearchHit::name).containsExactly("A Night at the Opera");
        assertThat(results.get("track").total()).isEqualTo(2);
        SearchHit rhapsody = model.search.search("bohemian rhapsody", List.of("track"), Filters.NONE, 10, 0)
                .get("track").items().get(0);
        assertThat(rhapsody.artists()).containsExactly("Queen");
        assertThat(rhapsody.releaseId()).isEqualTo("opera");
        assertThat(rhapsody.year()).isEqualTo(1975);
        assertThat(rhapsody.durationMs()).isEqualTo(200_000L);
        assertThat(rhapsody.explicit()).isFalse();
        assertThat(model.search.search("zzzqqq", ALL, Filters.NONE, 10, 0).values())
                .allMatch(kind -> kind.total() == 0 && kind.items().isEmpty());
    }

    @Test
    void diacriticsAndTyposStillFind() {
        assertThat(trackIds("hoppipolla", Filters.NONE)).containsExactly("hopp");
        assertThat(trackIds("bohemain rapsody", Filters.NONE)).contains("rhapsody");
        assertThat(model.search.search("sigur ros", List.of("artist"), Filters.NONE, 10, 0).get("artist").items())
                .extracting(SearchHit::name).containsExactly("Sigur Rós");
    }

    @Test
    void tracksTakenDownOrUnavailableInTheTerritoryAreLeftOut() {
        assertThat(trackIds("hoppipolla", new Filters("DK", List.of(), null, null, null))).isEmpty();
        assertThat(trackIds("hoppipolla", new Filters("SE", List.of(), null, null, null))).containsExactly("hopp");

        model.deliver(takenDown("takk", "hopp", List.of("SE"), "dispute"));
        assertThat(trackIds("hoppipolla", new Filters("SE", List.of(), null, null, null))).isEmpty();
        assertThat(trackIds("hoppipolla", new Filters("IS", List.of(), null, null, null))).containsExactly("hopp");

        model.deliver(takenDown("takk", "hopp", List.of(), "withdrawn"));
        assertThat(trackIds("hoppipolla", Filters.NONE)).isEmpty();

        model.deliver(restored("takk", "hopp", List.of()));
        assertThat(trackIds("hoppipolla", new Filters("SE", List.of(), null, null, null))).containsExactly("hopp");
    }

    @Test
    void genreAndYearFiltersNarrowAlbumsAndTracks() {
        assertThat(trackIds("love", new Filters(null, List.of("rock"), 1970, 1980, null))).containsExactly("love");
        assertThat(trackIds("love", new Filters(null, List.of("post-rock"), null, null, null))).isEmpty();
        assertThat(trackIds("love", new Filters(null, List.of(), 1990, null, null))).isEmpty();
        assertThat(trackIds("love", new Filters(null, List.of(), null, null, true))).isEmpty();
    }

    @Test
    void suggestionsCompleteWhatIsTypedAndSkipTakedowns() {
        assertThat(model.search.suggest("bohem", 10)).extracting(Suggestion::text).containsExactly("Bohemian Rhapsody");
        assertThat(model.search.suggest("bohem", 10).get(0)).isEqualTo(new Suggestion("track", "rhapsody",
                "Bohemian Rhapsody"));
        assertThat(model.search.suggest("sigu", 10)).extracting(Suggestion::kind).containsExactly("artist");

        model.deliver(takenDown("opera", "rhapsody", List.of(), "withdrawn"));
        assertThat(model.search.suggest("bohem", 10)).isEmpty();
    }

    /** Seen by the fuzz test: the completion field reserves U+001E and U+001F, and the index refused them. */
    @Test
    void controlCharactersInWhatIsTypedAreIgnored() {
        assertThat(model.search.suggest("\u001e\u001fbohem\u0000", 10)).extracting(Suggestion::text)
                .containsExactly("Bohemian Rhapsody");
        assertThat(model.search.suggest("\u009e\u0004\u007f\u001e\n", 10)).isEmpty();
        assertThat(trackIds("\u001frhapsody\u001e", Filters.NONE)).containsExactly("rhapsody");
    }
}
