package io.musicstream.projections.catalog.search;

import static io.musicstream.projections.catalog.CatalogEvents.artist;
import static io.musicstream.projections.catalog.CatalogEvents.release;
import static io.musicstream.projections.catalog.CatalogEvents.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.catalog.search.CatalogSearch.Filters;
import io.musicstream.projections.catalog.search.CatalogSearch.SearchHit;
import io.musicstream.projections.listening.popularity.PopularityReadModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Popularity in the catalog index: the job's bulk partial updates reach the documents and break ties between
 * equal matches, and documents written whole (an update of the track, a rebuild into a new index) take it
 * from the popularity table instead of resetting it.
 */
class SearchPopularityTest {

    private static final List<String> WORLDWIDE = List.of("WW");
    private static final Object[] CATALOG = {
            release("first", "Echoes", List.of("one"), "2001-01-01", List.of("rock"),
                    track("echo-1", "Echo", 1, 1, List.of("one"), WORLDWIDE)),
            release("second", "Echoes", List.of("two"), "2002-01-01", List.of("rock"),
                    track("echo-2", "Echo", 1, 1, List.of("two"), WORLDWIDE))};

    private PopularityReadModel popularity;
    private SearchReadModel model;

    @BeforeEach
    void freshIndexAndTables() {
        popularity = new PopularityReadModel().at(Instant.parse("2026-12-07T12:00:00Z"));
        model = new SearchReadModel(popularity.searchPopularity());
        popularity.indexTo(new PopularityUpdates(model.client(), model.index)::send);
        model.register(artist("one", "One"), artist("two", "Two"));
        model.deliver(CATALOG);
    }

    @Test
    void popularityReachesTheIndexAndBreaksTiesBetweenEqualMatches() {
        streams("echo-2", "second", "two", 3);
        streams("echo-1", "first", "one", 1);
        popularity.runJob();
        model.refresh();

        assertThat(model.document("track:echo-2").orElseThrow()).containsEntry("popularity", 100);
        assertThat(model.document("track:echo-1").orElseThrow()).containsEntry("popularity", 50);
        assertThat(model.document("album:second").orElseThrow()).containsEntry("popularity", 100);
        assertThat(model.document("artist:two").orElseThrow()).containsEntry("popularity", 100);
        assertThat(echoes()).containsExactly("echo-2", "echo-1");

        streams("echo-1", "first", "one", 10);
        popularity.runJob();
        model.refresh();

        assertThat(echoes()).containsExactly("echo-1", "echo-2");
        assertThat(model.document("track:echo-2").orElseThrow()).containsEntry("popularity", 56); // ln(4) / ln(12)
    }

    @Test
    void aDocumentWrittenWholeKeepsItsPopularity() {
        streams("echo-1", "first", "one", 2);
        popularity.runJob();

        model.deliver(new TrackMetadataUpdated("first", track("echo-1", "Echo (Live)", 1, 1, List.of("one"), WORLDWIDE),
                Instant.parse("2026-12-07T12:00:00Z")));

        assertThat(model.document("track:echo-1").orElseThrow()).containsEntry("display_name", "Echo (Live)")
                .containsEntry("popularity", 100);
    }

    @Test
    void aRebuildIntoANewIndexTakesPopularityFromTheTable() {
        streams("echo-2", "second", "two", 2);
        popularity.runJob();

        // what CatalogIndexRebuild does with the events: whole documents into a new index, then the swap
        String rebuilt = model.index.createIndex();
        IndexWriter writer = new IndexWriter(model.client(), rebuilt, 5_000, popularity.searchPopularity());
        SearchDocuments documents = new SearchDocuments(ids -> Map.of("one", "One", "two", "Two"));
        documents.apply(artist("one", "One"), writer);
        documents.apply(artist("two", "Two"), writer);
        for (Object event : CATALOG) {
            documents.apply(event, writer);
        }
        writer.flush();
        model.index.swapTo(rebuilt);
        model.refresh();

        assertThat(model.document("track:echo-2").orElseThrow()).containsEntry("popularity", 100);
        assertThat(model.document("album:second").orElseThrow()).containsEntry("popularity", 100);
        assertThat(model.document("artist:two").orElseThrow()).containsEntry("popularity", 100);
        assertThat(model.document("track:echo-1").orElseThrow()).containsEntry("popularity", 0);
        assertThat(echoes()).containsExactly("echo-2", "echo-1");
    }

    @Test
    void afterASwapWhatWasComputedDuringTheRebuildIsSentAgain() {
        Instant rebuildStarted = popularity.now();
        streams("echo-1", "first", "one", 2);
        popularity.runJob();
        int sentBefore = popularity.runJob().sentToIndex();

        popularity.searchPopularity().resendComputedSince(rebuildStarted);

        assertThat(sentBefore).isZero();
        assertThat(popularity.runJob().sentToIndex()).isEqualTo(3); // the track, its album and its artist
    }

    private List<String> echoes() {
        return model.search.search("echo", List.of("track"), Filters.NONE, 10, 0).get("track").items().stream()
                .map(SearchHit::id).toList();
    }

    private void streams(String trackId, String releaseId, String artistId, int count) {
        for (int i = 0; i < count; i++) {
            popularity.deliver(new TrackPlayed(UUID.randomUUID().toString(), "user-" + i, trackId,
                    Instant.parse("2026-12-07T08:00:00Z"), 180_000, null, "SE", "SE", releaseId, List.of(artistId),
                    null, null, false, true, 1));
        }
    }
}
