package io.musicstream.projections.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Writes whole documents to one index in bulk. Reads see the writes not yet sent (and Elasticsearch's
 * real-time GET sees those sent but not yet refreshed), so handlers can read-modify-write freely. Documents
 * take their popularity from {@link SearchPopularity} as they are sent, so that writing one whole keeps it.
 */
final class IndexWriter implements SearchDocuments.Store {

    private final ElasticsearchClient client;
    private final String index;
    private final int flushAt;
    private final ExecutorService background;
    private final SearchPopularity popularity;
    private Map<String, Optional<Map<String, Object>>> pending = new LinkedHashMap<>();
    private Map<String, Optional<Map<String, Object>>> inFlight = Map.of();
    private Future<?> lastBulk;
    private long written;

    /** A writer whose flushes block until Elasticsearch has the documents. */
    IndexWriter(ElasticsearchClient client, String index, int flushAt, SearchPopularity popularity) {
        this(client, index, flushAt, null, popularity);
    }

    /**
     * With a background executor, a full buffer is sent while the caller goes on filling the next one (one
     * bulk in flight at a time); {@link #flush()} still waits for everything.
     */
    IndexWriter(ElasticsearchClient client, String index, int flushAt, ExecutorService background,
                SearchPopularity popularity) {
        this.client = client;
        this.index = index;
        this.flushAt = flushAt;
        this.background = background;
        this.popularity = popularity;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> get(String id) {
        Optional<Map<String, Object>> buffered = pending.get(id);
        if (buffered == null) {
            buffered = inFlight.get(id);
        }
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

    synchronized long written() {
        return written;
    }

    private void flushIfFull() {
        if (pending.size() < flushAt) {
            return;
        }
        if (background == null) {
            flush();
            return;
        }
        awaitLastBulk();
        Map<String, Optional<Map<String, Object>>> batch = pending;
        inFlight = batch;
        pending = new LinkedHashMap<>();
        lastBulk = background.submit(() -> send(batch));
    }

    private void awaitLastBulk() {
        if (lastBulk == null) {
            return;
        }
        try {
            lastBulk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            lastBulk = null;
            inFlight = Map.of();
        }
    }

    /** Sends everything buffered and waits until Elasticsearch has it. */
    void flush() {
        awaitLastBulk();
        if (!pending.isEmpty()) {
            send(pending);
            pending = new LinkedHashMap<>();
        }
    }

    private void send(Map<String, Optional<Map<String, Object>>> batch) {
        Map<String, Integer> known = popularity.of(batch.entrySet().stream()
                .filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey).toList());
        known.forEach((id, value) -> batch.get(id).ifPresent(doc -> doc.put("popularity", value)));
        BulkRequest.Builder request = new BulkRequest.Builder();
        batch.forEach((id, doc) -> request.operations(op -> doc.isPresent()
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
        synchronized (this) {
            written += batch.size();
        }
    }
}
