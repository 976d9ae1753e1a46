package io.musicstream.projections.catalog.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends search requests to the catalog alias through the low-level REST client, with {@code filter_path}
 * trimming each response to the fields read: typed requests and whole responses cost far more CPU per request
 * (docs/performance.md).
 */
@Component
class SearchEndpoint {

    private static final String SEARCH_PATH = "/" + CatalogIndex.ALIAS + "/_search";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    SearchEndpoint(RestClient client) {
        this.client = client;
    }

    /** The response to {@code body}; unreachable or overloaded is an UncheckedIOException, refused is not. */
    JsonNode post(ObjectNode body, String filterPath) {
        Request request = new Request("POST", SEARCH_PATH);
        request.addParameter("filter_path", filterPath);
        request.setEntity(new NByteArrayEntity(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        try (InputStream in = client.performRequest(request).getEntity().getContent()) {
            return JSON.readTree(in);
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 429 || status >= 500) {
                throw new UncheckedIOException("search index unavailable", e);
            }
            throw new IllegalStateException("search request refused", e);
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreachable", e);
        }
    }
}
