package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a 4xx RFC 9457 problem that says what is wrong, never a 500. Tried here: malformed JSON,
 * an empty body, wrong types, missing fields, unknown fields, an unknown enum value, a body over the size
 * limit (announced and chunked), the wrong content type, domain-rule faults (shares not summing to 100%,
 * duplicate ISRC, unknown artist, negative duration), bad query parameters, an unknown route.
 */
class BadInputTest extends IntegrationTest {

    @Test
    void malformedJsonIsA400() {
        assertProblem(admin().post("/api/v1/artists", "{\"name\": "), 400, "malformed JSON");
        assertProblem(anonymous.post("/api/v1/auth/login", "not json"), 400, "malformed JSON");
    }

    @Test
    void anEmptyBodyIsA400() {
        assertProblem(admin().post("/api/v1/artists", ""), 400, "request body is required");
    }

    @Test
    void wrongTypesNameTheField() {
        Map<String, Object> release = Releases.release("00602547202734", "x", "a",
                List.of(Releases.track("GBUM71029604", "t", 1)));
        release.put("tracks", List.of(Map.of("isrc", "GBUM71029604", "title", "t", "durationMs", "long")));
        assertProblem(admin().post("/api/v1/releases", release), 400, "tracks[0].durationMs");
    }

    @Test
    void unknownEnumValuesAndUnknownFieldsAreRefused() {
        Map<String, Object> release = Releases.release("00602547202734", "x", "a",
                List.of(Releases.track("GBUM71029604", "t", 1)));
        release.put("releaseType", "MIXTAPE");
        assertProblem(admin().post("/api/v1/releases", release), 400, "releaseType");
        assertProblem(admin().post("/api/v1/artists", Map.of("name", "x", "colour", "red")), 400, "colour");
    }

    @Test
    void missingFieldsAreListed() {
        ApiClient.Response response = admin().post("/api/v1/releases", Map.of("title", "x"));
        assertProblem(response, 400, "upc");
        assertThat(response.json().get("errors").toString()).contains("artistIds").contains("tracks")
                .contains("releaseType");
    }

    @Test
    void domainRuleFaultsAreA422NamingEachFault() {
        ApiClient admin = admin();
        String artistId = admin.post("/api/v1/artists", Map.of("name", "Rule Breaker")).json().get("artistId").asText();
        Map<String, Object> bad = Releases.track("GBUM71029604", "a", 1);
        bad.put("rightsHolders", List.of(Map.of("partyId", "emi", "role", "RECORDING_OWNER", "shareBasisPoints", 5000)));
        Map<String, Object> negative = Releases.track("GBUM71029606", "c", 3);
        negative.put("durationMs", -1);
        Map<String, Object> release = Releases.release("00602547209999", "Faulty", artistId,
                List.of(bad, Releases.track("GBUM71029604", "b", 2), negative));
        release.put("artistIds", List.of(artistId, "no-such-artist"));

        ApiClient.Response response = admin.post("/api/v1/releases", release);
        assertProblem(response, 422, "faults");
        assertThat(response.json().get("errors").toString())
                .contains("tracks[0].rightsHolders shares sum to 50.0%, not 100%")
                .contains("tracks[1].isrc GBUM71029604 appears more than once")
                .contains("tracks[2].durationMs must be positive")
                .contains("unknown artist ids: no-such-artist");
    }

    @Test
    void aBodyOverTheLimitIsA413() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertProblem(admin().post("/api/v1/artists", huge), 413, "at most");
    }

    @Test
    void theWrongContentTypeIsA415() {
        ApiClient.Response response = admin().postRaw("/api/v1/artists", "name=x", "text/plain");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badQueryParametersAreA400() {
        ApiClient listener = newListener();
        assertProblem(listener.get("/api/v1/search"), 400, "q");
        assertProblem(listener.get("/api/v1/search?q=x&limit=abc"), 400, "limit");
        assertProblem(listener.get("/api/v1/search?q=x&limit=5000"), 400, "limit");
        assertProblem(listener.get("/api/v1/search?q=x&type=podcast"), 400, "podcast");
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        ApiClient.Response response = newListener().get("/api/v1/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
