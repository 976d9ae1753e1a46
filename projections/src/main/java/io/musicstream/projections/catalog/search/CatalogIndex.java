package io.musicstream.projections.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The catalog search index. Readers and the live projection use the alias {@link #ALIAS}; the concrete
 * index behind it ({@code catalog-v<mapping version>-<millis>}) can be rebuilt from the event stream and
 * swapped in atomically. Only the alias and the mapping version are public, for tools and tests that look
 * at the index itself.
 */
@Component
public final class CatalogIndex {

    public static final String ALIAS = "catalog";
    public static final int MAPPING_VERSION = 2;
    private static final String MAPPING = "/elasticsearch/catalog-index.json";

    private final ElasticsearchClient client;
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean ready;

    CatalogIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates a first index behind the alias unless the alias already points somewhere. */
    void ensureExists() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready && current().isEmpty()) {
                String name = createIndex();
                try {
                    client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(name).alias(ALIAS))));
                } catch (IOException e) {
                    throw new UncheckedIOException("catalog index unreachable", e);
                }
            }
            ready = true;
        }
    }

    /** The concrete index the alias points to, if any. */
    Optional<String> current() {
        try {
            GetAliasResponse aliases = client.indices().getAlias(a -> a.name(ALIAS));
            return aliases.result().keySet().stream().findFirst();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("catalog index unreachable", e);
        }
    }

    /** The mapping version {@code index} was created with; 0 when it has none. */
    int mappingVersion(String index) {
        try {
            var mapping = client.indices().getMapping(m -> m.index(index)).result().get(index);
            Map<String, JsonData> meta = mapping == null ? null : mapping.mappings().meta();
            JsonData version = meta == null ? null : meta.get("mappingVersion");
            return version == null ? 0 : version.to(Integer.class);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog index unreachable", e);
        }
    }

    /** Creates a new empty index with the current mapping, not yet behind the alias. */
    String createIndex() {
        String name = "catalog-v" + MAPPING_VERSION + "-" + System.currentTimeMillis() + "-" + sequence.incrementAndGet();
        try (InputStream mapping = CatalogIndex.class.getResourceAsStream(MAPPING)) {
            client.indices().create(c -> c.index(name).withJson(mapping));
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a catalog index", e);
        }
    }

    /** Bulk loading: no refreshes until {@link #endBulkLoad}. */
    void beginBulkLoad(String index) {
        refreshInterval(index, "-1");
    }

    void endBulkLoad(String index) {
        refreshInterval(index, "500ms");
    }

    private void refreshInterval(String index, String interval) {
        try {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time(interval))));
        } catch (IOException e) {
            throw new UncheckedIOException("catalog index unreachable", e);
        }
    }

    /** Points the alias at {@code index} in one atomic step, then drops the index it pointed to before. */
    void swapTo(String index) {
        Optional<String> previous = current();
        try {
            client.indices().refresh(r -> r.index(index));
            client.indices().updateAliases(u -> {
                previous.ifPresent(old -> u.actions(a -> a.remove(r -> r.index(old).alias(ALIAS))));
                return u.actions(a -> a.add(add -> add.index(index).alias(ALIAS)));
            });
            if (previous.isPresent() && !previous.get().equals(index)) {
                client.indices().delete(d -> d.index(previous.get()));
            }
            ready = true;
        } catch (IOException e) {
            throw new UncheckedIOException("catalog index unreachable", e);
        }
    }

    void delete(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException("catalog index unreachable", e);
        }
    }
}
