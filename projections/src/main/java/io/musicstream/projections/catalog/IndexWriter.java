package io.musicstream.projections.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes whole documents to one index in bulk. Reads see the writes not yet sent (and Elasticsearch's
 * real-time GET sees those sent but not yet refreshed), so handlers can read-modify-write freely.
 */
final class IndexWriter implements SearchDocuments.Store {

    private final ElasticsearchClient client;
    private final String index;
    private final int flushAt;
    private final Map<String, Optional<Map<String, Object>>> pending = new LinkedHashMap<>();
    private long written;

    IndexWriter(ElasticsearchClient client, String index, int flushAt) {
        this.client = client;
        this.index = index;
        this.flushAt = flushAt;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> get(String id) {
        Optional<Map<String, Object>> buffered = pending.get(id);
        if (buffered != null) {
            return buffered.map(LinkedHashMap::new);
        }
        try {
            GetResponse<Map> response = client.get(g -> g.index(index).id(id), Map.class);
            return response.found() ? Optional.of(new LinkedHashMap<String, Object>(response.source())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }

    @Override
    public void put(String id, Map<String, Object> document) {
        pending.put(id, Optional.of(document));
        flushIfFull();
    }

    @Override
    public void delete(String id) {
        pending.put(id, Optional.empty());
        flushIfFull();
    }

    long written() {
        return written;
    }

    private void flushIfFull() {
        if (pending.size() >= flushAt) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        BulkRequest.Builder request = new BulkRequest.Builder();
        pending.forEach((id, doc) -> request.operations(op -> doc.isPresent()
                ? op.index(i -> i.index(index).id(id).document(doc.get()))
                : op.delete(d -> d.index(index).id(id))));
        try {
            BulkResponse response = client.bulk(request.build());
            if (response.errors()) {
                String reasons = response.items().stream()
                        .filter(i -> i.error() != null && !(i.status() == 404 && "delete".equals(i.operationType().jsonValue())))
                        .map(i -> i.id() + ": " + i.error().reason()).limit(5).collect(Collectors.joining("; "));
                if (!reasons.isEmpty()) {
                    throw new IllegalStateException("catalog index " + index + " rejected documents: " + reasons);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
        written += pending.size();
        pending.clear();
    }
}
