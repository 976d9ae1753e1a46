package io.musicstream.infra;

import io.musicstream.command.catalog.CatalogIds;
import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.RightsShareRequest;
import io.musicstream.command.catalog.web.TrackRequest;
import io.musicstream.command.catalog.web.CatalogJson;
import io.musicstream.command.catalog.web.CatalogLine;
import io.musicstream.tools.catalog.SyntheticCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bulk import of a JSON-lines catalog through {@code POST /api/v1/catalog/imports}, streamed both ways. */
class CatalogImportTest extends IntegrationTest {

    private static final String PATH = "/api/v1/catalog/imports";
    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    JdbcClient jdbc;

    record Answer(int status, String contentType, List<JsonNode> lines) {
        JsonNode done() {
            JsonNode last = lines.get(lines.size() - 1);
            assertThat(last.has("done")).as("last line is done: %s", last).isTrue();
            return last.get("done");
        }

        /** Error lines by line number. */
        Map<Long, JsonNode> errors() {
            Map<Long, JsonNode> errors = new HashMap<>();
            lines.stream().filter(l -> l.has("error")).map(l -> l.get("error"))
                    .forEach(e -> assertThat(errors.put(e.get("line").asLong(), e)).as("one error per line").isNull());
            return errors;
        }
    }

    @Test
    void importsAFileReportingEachRefusedLineAndImportingItAgainWritesNothing() {
        List<CatalogLine> catalog = SyntheticCatalog.generate(20261121, 200);
        List<IngestReleaseRequest> releases = releases(catalog);
        IngestReleaseRequest sample = releases.get(0);
        List<String> file = new ArrayList<>();
        catalog.forEach(line -> file.add(CatalogJson.toJson(line)));
        // bad lines in the middle of the good ones; line numbers are 1-based
        int malformed = insert(file, 5, "{\"kind\":\"release\",\"upc\":\"99000000000");
        int badShares = insert(file, 9, CatalogJson.toJson(new CatalogLine.Release(withTracks(sample,
                "990000000002", List.of(withShares(sample.tracks().get(0), 6_000, 3_000))))));
        int duplicateIsrc = insert(file, 14, CatalogJson.toJson(new CatalogLine.Release(withTracks(sample,
                "990000000003", List.of(track(sample.tracks().get(0), 1), track(sample.tracks().get(0), 2))))));
        int unknownArtist = insert(file, 20, CatalogJson.toJson(new CatalogLine.Release(new IngestReleaseRequest(
                "990000000004", "Nobody's Album", sample.releaseType(), List.of("no-such-artist"), sample.label(),
                sample.releaseDate(), sample.genres(), null, List.of(track(sample.tracks().get(0), 1))))));
        insert(file, 25, "");
        long artists = catalog.stream().filter(l -> l instanceof CatalogLine.Artist).count();
        List<String> releaseIds = releases.stream().map(r -> CatalogIds.releaseId(r.upc())).toList();
        byte[] body = (String.join("\n", file) + "\n").getBytes(StandardCharsets.UTF_8);

        Answer first = importFile(body, adminToken());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith(NDJSON);
        assertThat(first.lines().get(0).has("progress")).isTrue();
        JsonNode done = first.done();
        assertThat(done.get("lines").asLong()).isEqualTo(file.size());
        assertThat(done.get("artists").asLong()).isEqualTo(artists);
        assertThat(done.get("releases").asLong()).isEqualTo(releases.size());
        assertThat(done.get("updated").asLong()).isZero();
        assertThat(done.get("unchanged").asLong()).isZero();
        assertThat(done.get("failed").asLong()).isEqualTo(4);
        assertThat(done.get("tracks").asLong()).isEqualTo(200);
        assertThat(done.get("seconds").asDouble()).isPositive();
        assertThat(done.get("tracksPerSecond").asDouble()).isPositive();

        Map<Long, JsonNode> errors = first.errors();
        assertThat(errors.keySet()).containsExactlyInAnyOrder((long) malformed, (long) badShares,
                (long) duplicateIsrc, (long) unknownArtist);
        assertThat(errors.get((long) malformed).get("status").asInt()).isEqualTo(400);
        assertThat(errors.get((long) malformed).get("errors").get(0).asText()).startsWith("malformed JSON: ");
        assertThat(errors.get((long) badShares).get("status").asInt()).isEqualTo(422);
        assertThat(errors.get((long) badShares).get("upc").asText()).isEqualTo("990000000002");
        assertThat(texts(errors.get((long) badShares))).containsExactly(
                "tracks[0].rightsHolders shares sum to 90.0%, not 100%");
        assertThat(errors.get((long) duplicateIsrc).get("status").asInt()).isEqualTo(422);
        assertThat(texts(errors.get((long) duplicateIsrc))).containsExactly(
                "tracks[1].isrc " + sample.tracks().get(0).isrc() + " appears more than once");
        assertThat(errors.get((long) unknownArtist).get("status").asInt()).isEqualTo(422);
        assertThat(texts(errors.get((long) unknownArtist))).containsExactly("unknown artist ids: no-such-artist");

        assertThat(count("ReleaseIngested", releaseIds)).isEqualTo(releases.size());
        assertThat(count("ReleaseIngested", List.of(CatalogIds.releaseId("990000000002"),
                CatalogIds.releaseId("990000000003"),
                CatalogIds.releaseId("990000000004")))).isZero();
        long inDirectory = jdbc.sql("""
                        select count(*) from catalog_artist where artist_id in (:ids)""")
                .param("ids", catalog.stream().filter(l -> l instanceof CatalogLine.Artist)
                        .map(l -> ((CatalogLine.Artist) l).artistId()).toList())
                .query(Long.class).single();
        assertThat(inDirectory).as("artists in the artist directory").isEqualTo(artists);

        Answer again = importFile(body, adminToken());

        JsonNode second = again.done();
        assertThat(second.get("artists").asLong()).isZero();
        assertThat(second.get("releases").asLong()).isZero();
        assertThat(second.get("updated").asLong()).isZero();
        assertThat(second.get("unchanged").asLong()).isEqualTo(artists + releases.size());
        assertThat(second.get("failed").asLong()).isEqualTo(4);
        assertThat(again.errors().keySet()).isEqualTo(errors.keySet());
        assertThat(count("ReleaseIngested", releaseIds)).isEqualTo(releases.size());
        assertThat(count("TrackAddedToRelease", releaseIds)).isZero();
        assertThat(count("TrackMetadataUpdated", releaseIds)).isZero();
        assertThat(count("ReleaseMetadataUpdated", releaseIds)).isZero();
    }

    @Test
    void changedReleasesWriteOnlyTheirChanges() {
        List<CatalogLine> catalog = SyntheticCatalog.generate(77, 60);
        List<IngestReleaseRequest> releases = releases(catalog);
        List<String> releaseIds = releases.stream().map(r -> CatalogIds.releaseId(r.upc())).toList();
        String token = adminToken();
        assertThat(importFile(lines(catalog), token).done().get("releases").asLong()).isEqualTo(releases.size());

        IngestReleaseRequest retitled = releases.get(0);
        IngestReleaseRequest trackChanged = releases.get(1);
        List<CatalogLine> changed = new ArrayList<>();
        for (CatalogLine line : catalog) {
            if (line instanceof CatalogLine.Release r && r.release() == retitled) {
                changed.add(new CatalogLine.Release(new IngestReleaseRequest(retitled.upc(), retitled.title() + " (Deluxe)",
                        retitled.releaseType(), retitled.artistIds(), retitled.label(), retitled.releaseDate(),
                        retitled.genres(), retitled.artworkUrl(), retitled.tracks())));
            } else if (line instanceof CatalogLine.Release r && r.release() == trackChanged) {
                List<TrackRequest> tracks = new ArrayList<>(trackChanged.tracks());
                TrackRequest t = tracks.get(0);
                tracks.set(0, new TrackRequest(t.isrc(), t.title() + " (Remastered)", t.durationMs(), t.discNumber(),
                        t.trackNumber(), t.explicit(), t.artistIds(), t.audioFeatures(), t.territories(),
                        t.rightsHolders()));
                changed.add(new CatalogLine.Release(withTracks(trackChanged, trackChanged.upc(), tracks)));
            } else {
                changed.add(line);
            }
        }

        JsonNode done = importFile(lines(changed), token).done();

        assertThat(done.get("updated").asLong()).isEqualTo(2);
        assertThat(done.get("releases").asLong()).isZero();
        assertThat(done.get("unchanged").asLong()).isEqualTo(catalog.size() - 2);
        assertThat(count("ReleaseMetadataUpdated", releaseIds)).isEqualTo(1);
        assertThat(count("TrackMetadataUpdated", releaseIds)).isEqualTo(1);
        assertThat(count("TrackAddedToRelease", releaseIds)).isZero();
        assertThat(count("ReleaseIngested", releaseIds)).isEqualTo(releases.size());
    }

    @Test
    void takesFilesFarLargerThanTheOneMegabyteBodyLimit() {
        byte[] body = lines(SyntheticCatalog.generate(4242, 2_500));
        assertThat(body.length).isGreaterThan(1024 * 1024);

        Answer answer = importFile(body, adminToken());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.done().get("tracks").asLong()).isEqualTo(2_500);
        assertThat(answer.done().get("failed").asLong()).isZero();
    }

    @Test
    void onlyCuratorsAndAdminsMayImport() {
        String listener = newListenerToken();
        Answer answer = importFile(lines(SyntheticCatalog.generate(5, 3)), listener);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBodyThatIsNotJsonLinesIsRefusedWith415() {
        ApiClient.Response response = anonymous.withToken(adminToken()).postRaw(PATH, "[]", "application/json");
        assertThat(response.status()).isEqualTo(415);
    }

    private Answer importFile(byte[] body, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Content-Type", NDJSON)
                .header("Accept", NDJSON + ", application/problem+json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            List<JsonNode> lines = new ArrayList<>();
            for (String line : (Iterable<String>) response.body()::iterator) {
                lines.add(JSON.readTree(line));
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String adminToken() {
        return token(ADMIN, ADMIN_PASSWORD);
    }

    private String newListenerToken() {
        String username = "importer-" + Long.toHexString(System.nanoTime());
        anonymous.post("/api/v1/auth/register", Map.of("username", username, "password", "correct horse battery"));
        return token(username, "correct horse battery");
    }

    private String token(String username, String password) {
        ApiClient.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", password));
        assertThat(login.status()).isEqualTo(200);
        return login.json().get("token").asText();
    }

    private long count(String event, List<String> aggregateIds) {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type = :type"
                        + " and aggregate_identifier in (:ids)")
                .param("type", "io.musicstream.events.catalog." + event)
                .param("ids", aggregateIds)
                .query(Long.class).single();
    }

    private static List<String> texts(JsonNode error) {
        List<String> texts = new ArrayList<>();
        error.get("errors").forEach(e -> texts.add(e.asText()));
        return texts;
    }

    private static byte[] lines(List<CatalogLine> catalog) {
        StringBuilder out = new StringBuilder();
        catalog.forEach(line -> out.append(CatalogJson.toJson(line)).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<IngestReleaseRequest> releases(List<CatalogLine> catalog) {
        return catalog.stream().filter(l -> l instanceof CatalogLine.Release)
                .map(l -> ((CatalogLine.Release) l).release()).toList();
    }

    /** Inserts {@code line} so that it becomes line {@code number} (1-based); returns the number. */
    private static int insert(List<String> file, int number, String line) {
        file.add(number - 1, line);
        return number;
    }

    private static IngestReleaseRequest withTracks(IngestReleaseRequest r, String upc, List<TrackRequest> tracks) {
        return new IngestReleaseRequest(upc, r.title(), r.releaseType(), r.artistIds(), r.label(), r.releaseDate(),
                r.genres(), r.artworkUrl(), tracks);
    }

    private static TrackRequest track(TrackRequest t, int number) {
        return new TrackRequest(t.isrc(), t.title(), t.durationMs(), 1, number, t.explicit(), null,
                t.audioFeatures(), t.territories(), t.rightsHolders());
    }

    private static TrackRequest withShares(TrackRequest t, int owner, int publisher) {
        return new TrackRequest(t.isrc(), t.title(), t.durationMs(), 1, 1, t.explicit(), null, t.audioFeatures(),
                t.territories(), List.of(
                        new RightsShareRequest("label-x", "Label X", io.musicstream.events.catalog.RightsRole.RECORDING_OWNER, owner),
                        new RightsShareRequest("pub-y", "Publisher Y", io.musicstream.events.catalog.RightsRole.PUBLISHER, publisher)));
    }
}
