package io.musicstream.projections.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Sets the {@code popularity} field of catalog documents with one bulk request of partial updates; documents
 * the index does not hold are skipped.
 */
@Component
public class PopularityUpdates {

    private final ElasticsearchClient client;
    private final CatalogIndex index;

    PopularityUpdates(ElasticsearchClient client, CatalogIndex index) {
        this.client = client;
        this.index = index;
    }

    /** The search document id of a catalog item: {@code kind} is {@code track}, {@code album} or {@code artist}. */
    public static String documentId(String kind, String id) {
        return kind + ":" + id;
    }

    /** Sends every update in one bulk request; throws when Elasticsearch refuses one for another reason. */
    public void send(Map<String, Integer> popularityByDocument) {
        if (popularityByDocument.isEmpty()) {
            return;
        }
        index.ensureExists();
        BulkRequest.Builder request = new BulkRequest.Builder();
        popularityByDocument.forEach((id, popularity) -> request.operations(op -> op.update(u -> u
                .index(CatalogIndex.ALIAS).id(id).action(a -> a.doc(Map.of("popularity", popularity))))));
        try {
            BulkResponse response = client.bulk(request.build());
            if (response.errors()) {
                String reasons = response.items().stream()
                        .filter(i -> i.error() != null && i.status() != 404)
                        .map(i -> i.id() + ": " + i.error().reason()).limit(5).collect(Collectors.joining("; "));
                if (!reasons.isEmpty()) {
                    throw new IllegalStateException("catalog index refused popularity updates: " + reasons);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }
}
