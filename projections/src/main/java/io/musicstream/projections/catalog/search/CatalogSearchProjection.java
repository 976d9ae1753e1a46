package io.musicstream.projections.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackRemovedFromRelease;
import io.musicstream.events.catalog.TrackRestored;
import io.musicstream.events.catalog.TrackTakenDown;
import io.musicstream.projections.catalog.artists.RegisteredArtists;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.common.UnitOfWorkBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog search index current. The documents of a whole batch of events go to Elasticsearch in
 * one bulk request when the batch commits; if that fails, the batch (and its token) is retried, so no event
 * is skipped. Documents are rewritten whole from the events, which makes redelivery harmless.
 */
@Component
@ProcessingGroup(CatalogSearchProjection.PROCESSING_GROUP)
public class CatalogSearchProjection {

    public static final String PROCESSING_GROUP = "catalog-search";
    /** UTF-8 bytes per text: well under Lucene's 32,766-byte term limit, for keyword fields and sub-fields. */
    static final int MAX_TEXT_BYTES = 16_000;
    private static final String WRITER = CatalogSearchProjection.class.getName() + ".writer";

    private final ElasticsearchClient client;
    private final CatalogIndex index;
    private final SearchDocuments documents;
    private final SearchPopularity popularity;

    CatalogSearchProjection(ElasticsearchClient client, CatalogIndex index, RegisteredArtists artists,
                            SearchPopularity popularity) {
        this.client = client;
        this.index = index;
        this.popularity = popularity;
        this.documents = new SearchDocuments(artists::names);
    }

    @EventHandler
    void on(ArtistRegistered event) {
        requireStorable(event);
        documents.apply(event, batchWriter());
    }

    @EventHandler
    void on(ReleaseIngested event) {
        requireStorable(event);
        documents.apply(event, batchWriter());
    }

    @EventHandler
    void on(ReleaseMetadataUpdated event) {
        requireStorable(event);
        documents.apply(event, batchWriter());
    }

    @EventHandler
    void on(TrackAddedToRelease event) {
        requireStorable(event);
        documents.apply(event, batchWriter());
    }

    @EventHandler
    void on(TrackMetadataUpdated event) {
        requireStorable(event);
        documents.apply(event, batchWriter());
    }

    @EventHandler
    void on(TrackRemovedFromRelease event) {
        requireStorable(event);
        documents.apply(event, batchWriter());
    }

    @EventHandler
    void on(TrackTakenDown event) {
        requireStorable(event);
        documents.apply(event, batchWriter());
    }

    @EventHandler
    void on(TrackRestored event) {
        requireStorable(event);
        documents.apply(event, batchWriter());
    }

    /**
     * Refuses here, where the dead-letter queue catches it, text the bulk write at commit would fail on
     * (a failure there fails the whole batch): NUL, unpaired surrogates, terms over Lucene's 32 KB limit.
     */
    static void requireStorable(Object event) {
        Storable.allText("", event, MAX_TEXT_BYTES);
    }

    /** One writer per unit of work (a batch of events), flushed as the batch commits. */
    private IndexWriter batchWriter() {
        return UnitOfWorkBatch.current(WRITER, () -> {
            index.ensureExists();
            return new IndexWriter(client, CatalogIndex.ALIAS, 2_000, popularity);
        }, IndexWriter::flush);
    }
}
