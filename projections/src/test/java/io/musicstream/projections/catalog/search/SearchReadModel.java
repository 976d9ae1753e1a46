package io.musicstream.projections.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.projections.ProjectionDriver;
import io.musicstream.projections.TestServers;
import io.musicstream.projections.catalog.artists.ArtistDirectoryFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * The search read model on the test Elasticsearch, with no catalog index left from an earlier test: its
 * projection (reading artist names from an artist directory of a fresh database), its reader and its documents.
 */
final class SearchReadModel {

    private static RestClient rest;
    private static ElasticsearchClient client;

    final ArtistDirectoryFixture artists;
    final CatalogIndex index;
    final ProjectionDriver projection;
    final CatalogSearch search;

    SearchReadModel() {
        this(SearchPopularity.NONE);
    }

    /** Whole documents take their popularity from {@code popularity}. */
    SearchReadModel(SearchPopularity popularity) {
        connect();
        dropCatalogIndexes();
        artists = new ArtistDirectoryFixture(TestServers.freshDatabase());
        index = new CatalogIndex(client);
        projection = ProjectionDriver.withoutTransactions(new CatalogSearchProjection(client, index, artists.reader(), popularity));
        search = new CatalogSearch(new SearchEndpoint(rest), index);
    }

    ElasticsearchClient client() {
        return client;
    }

    private static synchronized void connect() {
        if (rest == null) {
            rest = RestClient.builder(HttpHost.create(TestServers.elasticsearchUrl())).build();
            client = new ElasticsearchClient(new RestClientTransport(rest, new Jackson3JsonpMapper()));
        }
    }

    /** Registers the artists as the service does: the directory first (same transaction), then the index. */
    void register(ArtistRegistered... artists) {
        this.artists.register(artists);
        deliver((Object[]) artists);
    }

    /** Each event a batch of its own, then a refresh, so that searches see the result. */
    void deliver(Object... events) {
        projection.deliverEach(events);
        refresh();
    }

    void refresh() {
        try {
            client.indices().refresh(r -> r.index(CatalogIndex.ALIAS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document with id {@code id} ({@code track:<id>} and so on) as the index holds it. */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> document(String id) {
        try {
            GetResponse<Map> found = client.get(g -> g.index(CatalogIndex.ALIAS).id(id), Map.class);
            return found.found() ? Optional.of((Map<String, Object>) found.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document, by id. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> documents() {
        try {
            Map<String, Map<String, Object>> all = new TreeMap<>();
            client.search(s -> s.index(CatalogIndex.ALIAS).size(1_000), Map.class).hits().hits()
                    .forEach(hit -> all.put(hit.id(), (Map<String, Object>) hit.source()));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropCatalogIndexes() {
        try {
            for (String name : client.indices().get(g -> g.index("catalog-*")).result().keySet()) {
                client.indices().delete(d -> d.index(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
