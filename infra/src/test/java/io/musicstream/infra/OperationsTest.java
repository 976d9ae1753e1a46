package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends IntegrationTest {

    @Test
    void healthShowsAdminsEachServiceAndTheSyncFeedUp() {
        ApiClient.Response response = admin().get("/actuator/health");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode components = response.json().get("components");
        for (String service : new String[] {"db", "kafka", "elasticsearch", "redis", "sync"}) {
            assertThat(components.at("/" + service + "/status").asText()).as(service).isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsAreServedToAdmins() {
        ApiClient.Response response = admin().get("/actuator/prometheus", "text/plain");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void logsAreJsonLinesCarryingTheRequestId(CapturedOutput output) {
        String requestId = "test-" + java.util.UUID.randomUUID();
        ApiClient.Response response = anonymous.getWithHeader("/api/v1/me", "X-Request-Id", requestId);
        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        eventually(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains(requestId) && line.contains("GET /api/v1/me 401")))
                .singleElement().satisfies(line -> {
                    assertThat(line).startsWith("{").contains("\"requestId\":\"" + requestId + "\"");
                }));
    }

    @Test
    void everyResponseCarriesARequestId() {
        ApiClient.Response response = anonymous.get("/api/v1/me");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.json().get("requestId").asText()).isEqualTo(response.header("X-Request-Id"));
    }
}
