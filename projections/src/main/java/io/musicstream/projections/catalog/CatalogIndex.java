package io.musicstream.projections.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The catalog search index. Readers and writers use the alias {@link #ALIAS}; the concrete index behind it
 * can be rebuilt from the event stream and swapped in.
 */
@Component
public class CatalogIndex {

    public static final String ALIAS = "catalog";
    static final String FIRST_INDEX = "catalog-v1";

    private final ElasticsearchClient client;
    private volatile boolean ready;

    public CatalogIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the first index and its alias unless the alias already points somewhere. */
    public void ensureExists() {
        if (ready) {
            return;
        }
        try {
            if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
                try (InputStream mapping = CatalogIndex.class.getResourceAsStream("/elasticsearch/catalog-index.json")) {
                    client.indices().create(c -> c.index(FIRST_INDEX).withJson(mapping).aliases(ALIAS, a -> a));
                }
            }
            ready = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the catalog index", e);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            ready = true;
        }
    }
}
