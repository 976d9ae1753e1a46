package io.musicstream.infra.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document is generated from the controllers, so it names every endpoint of the API. */
class OpenApiDocumentTest extends ApiSurfaceTest {

    @Test
    void theOpenApiDocumentNamesEveryApiEndpointAndIsPublic() {
        RawHttp.Received answer = raw().send(new RawHttp.Sent("GET", "/v3/api-docs", null, null, null));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(answer.body());
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().propertyNames().forEach(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> mapped = new TreeSet<>();
        endpoints().stream().filter(e -> e.pattern().startsWith("/api/")).forEach(e -> mapped.add(e.key()));
        assertThat(documented).containsAll(mapped);
        assertThat(document.path("components").path("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void theApiDocumentationPageIsServed() {
        RawHttp.Received answer = raw().send(new RawHttp.Sent("GET", "/swagger-ui/index.html", null, null, null)
                .withHeader("Accept", "text/html"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("swagger-ui");
    }
}
