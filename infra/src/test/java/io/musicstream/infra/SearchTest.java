package io.musicstream.infra;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import tools.jackson.databind.JsonNode;
import io.musicstream.projections.catalog.search.CatalogIndex;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Relevance, availability and freshness of catalog search on a small fixed catalog, through the HTTP API and
 * the real Elasticsearch projection. Must find: typos, words across fields, either case and diacritics,
 * prefixes; exact and phrase matches first; popularity breaks ties. Must not find: taken-down tracks,
 * tracks unavailable in the caller's territory, nonsense.
 */
class SearchTest extends IntegrationTest {

    private static final Map<String, String> TRACKS = new HashMap<>();
    private static final Map<String, String> RELEASES = new HashMap<>();
    private static final AtomicInteger UPC = new AtomicInteger((int) (Math.random() * 90_000));
    private static boolean loaded;

    @Autowired
    ElasticsearchClient elasticsearch;

    private ApiClient listener;

    @BeforeEach
    void catalog() {
        listener = newListener();
        if (loaded) {
            return;
        }
        ApiClient admin = admin();
        release(admin, "Queen", "A Night at the Opera", 1975, List.of("rock"), false, "Bohemian Rhapsody", "Love of My Life");
        release(admin, "The Dandy Warhols", "Thirteen Tales from Urban Bohemia", 2000, List.of("indie"), true,
                "Bohemian Like You", "Bohemia");
        release(admin, "George Gershwin", "Rhapsody in Blue", 1924, List.of("classical"), false,
                "Rhapsody in Blue (Original Version)", "An American in Paris");
        release(admin, "Beyoncé", "I Am... Sasha Fierce", 2008, List.of("pop"), false, "Halo", "Single Ladies");
        release(admin, "Sigur Rós", "Takk...", 2005, List.of("post-rock"), false, "Hoppípolla", "Glósóli");
        release(admin, "Lumen Drift", "Quiet Hours", 2019, List.of("ambient"), false, "Tidewater", "Tidewater");
        eventually(() -> assertThat(trackNames("hoppipolla")).contains("Hoppípolla"));
        loaded = true;
    }

    private void release(ApiClient admin, String artist, String album, int year, List<String> genres,
                         boolean explicit, String... titles) {
        String artistId = admin.post("/api/v1/artists", Map.of("name", artist)).json().get("artistId").asText();
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            Map<String, Object> track = Releases.track(String.format("QZSRC%07d", UPC.incrementAndGet()), titles[i], i + 1);
            track.put("explicit", explicit);
            tracks.add(track);
        }
        Map<String, Object> body = Releases.release(String.format("0099%010d", UPC.incrementAndGet()), album, artistId,
                tracks);
        body.put("genres", genres);
        body.put("releaseDate", year + "-01-01");
        ApiClient.Response response = admin.post("/api/v1/releases", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        RELEASES.put(album, response.json().get("releaseId").asText());
        response.json().get("tracks").forEach(t -> {
            int index = tracks.stream().map(x -> x.get("isrc")).toList().indexOf(t.get("isrc").asText());
            TRACKS.putIfAbsent(titles[index], t.get("trackId").asText());
        });
    }

    private JsonNode search(String query, String extra) {
        ApiClient.Response response = listener.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + extra);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("results");
    }

    private List<String> names(String query, String kind, String extra) {
        List<String> names = new ArrayList<>();
        search(query, "&type=" + kind + extra).get(kind).get("items").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }

    private List<String> trackNames(String query) {
        return names(query, "track", "");
    }

    @Test
    void findsThroughTypos() {
        assertThat(trackNames("bohemain rapsody")).first().isEqualTo("Bohemian Rhapsody");
        assertThat(names("sigur rso", "artist", "")).first().isEqualTo("Sigur Rós");
    }

    @Test
    void findsWordsAcrossFields() {
        assertThat(trackNames("queen bohemian")).first().isEqualTo("Bohemian Rhapsody");
        assertThat(trackNames("gershwin paris")).first().isEqualTo("An American in Paris");
    }

    @Test
    void ignoresCaseAndDiacriticsEitherWay() {
        assertThat(names("beyonce", "artist", "")).contains("Beyoncé");
        assertThat(names("BEYONCÉ", "artist", "")).contains("Beyoncé");
        assertThat(names("Sigur Rós", "artist", "")).contains("Sigur Rós");
        assertThat(names("sigur ros", "artist", "")).contains("Sigur Rós");
        assertThat(trackNames("hoppipolla")).contains("Hoppípolla");
    }

    @Test
    void findsPrefixes() {
        assertThat(trackNames("bohem")).contains("Bohemian Rhapsody", "Bohemian Like You", "Bohemia");
    }

    @Test
    void exactAndPhraseMatchesRankFirst() {
        assertThat(trackNames("bohemia")).first().isEqualTo("Bohemia");
        assertThat(trackNames("rhapsody in blue")).first().isEqualTo("Rhapsody in Blue (Original Version)");
        assertThat(names("rhapsody in blue", "album", "")).first().isEqualTo("Rhapsody in Blue");
    }

    @Test
    void popularityBreaksTies() throws Exception {
        // the listening projections will keep popularity current; here it is set as they would
        List<String> ids = new ArrayList<>();
        search("tidewater", "&type=track").get("track").get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).hasSize(2);
        String lessPopular = ids.get(0);
        String morePopular = ids.get(1);
        elasticsearch.update(u -> u.index(CatalogIndex.ALIAS).id("track:" + morePopular)
                .doc(Map.of("popularity", 1000)).refresh(co.elastic.clients.elasticsearch._types.Refresh.True), Map.class);
        elasticsearch.update(u -> u.index(CatalogIndex.ALIAS).id("track:" + lessPopular)
                .doc(Map.of("popularity", 10)).refresh(co.elastic.clients.elasticsearch._types.Refresh.True), Map.class);
        List<String> ranked = new ArrayList<>();
        search("tidewater", "&type=track").get("track").get("items").forEach(i -> ranked.add(i.get("id").asText()));
        assertThat(ranked).containsExactly(morePopular, lessPopular);
    }

    @Test
    void filtersByGenreYearAndExplicitness() {
        assertThat(trackNames("bohemian")).contains("Bohemian Rhapsody", "Bohemian Like You");
        assertThat(names("bohemian", "track", "&genre=rock")).contains("Bohemian Rhapsody").doesNotContain("Bohemian Like You");
        assertThat(names("bohemian", "track", "&yearFrom=1990&yearTo=2010")).contains("Bohemian Like You")
                .doesNotContain("Bohemian Rhapsody");
        assertThat(names("bohemian", "track", "&explicit=false")).contains("Bohemian Rhapsody")
                .doesNotContain("Bohemian Like You");
        assertThat(listener.get("/api/v1/search?q=x&yearFrom=2010&yearTo=2000").status()).isEqualTo(400);
    }

    @Test
    void groupsResultsByKindWithTotals() {
        JsonNode results = search("queen", "");
        assertThat(results.has("track") && results.has("album") && results.has("artist")).isTrue();
        assertThat(results.get("artist").get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(results.get("track").get("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode first = results.get("track").get("items").get(0);
        assertThat(first.get("score").isNumber()).as(first.toString()).isTrue();
        assertThat(first.get("score").asDouble()).isPositive();
    }

    @Test
    void nonsenseFindsNothing() {
        JsonNode results = search("qwxzv plorkt", "");
        assertThat(results.get("track").get("total").asLong()).isZero();
        assertThat(results.get("artist").get("total").asLong()).isZero();
    }

    @Test
    void takenDownTracksDisappearAndComeBack() {
        ApiClient admin = admin();
        String release = RELEASES.get("Takk...");
        String track = TRACKS.get("Glósóli");
        String path = "/api/v1/releases/" + release + "/tracks/" + track;

        assertThat(admin.post(path + "/takedown", Map.of("territories", List.of("SE"), "reason", "dispute")).status())
                .isEqualTo(200);
        eventually(() -> assertThat(names("glosoli", "track", "&territory=SE")).doesNotContain("Glósóli"));
        assertThat(names("glosoli", "track", "&territory=NO")).contains("Glósóli");

        assertThat(admin.post(path + "/takedown", Map.of("reason", "rights expired")).status()).isEqualTo(200);
        eventually(() -> assertThat(trackNames("glosoli")).doesNotContain("Glósóli"));
        assertThat(suggestions("glos")).doesNotContain("Glósóli");

        assertThat(admin.post(path + "/restore", Map.of()).status()).isEqualTo(200);
        eventually(() -> assertThat(names("glosoli", "track", "&territory=SE")).contains("Glósóli"));
        eventually(() -> assertThat(suggestions("glos")).contains("Glósóli"));
    }

    @Test
    void withoutATerritoryTheCallersCountryDecides() {
        String release = RELEASES.get("Takk...");
        String track = TRACKS.get("Hoppípolla");
        assertThat(admin().post("/api/v1/releases/" + release + "/tracks/" + track + "/takedown",
                Map.of("territories", List.of("DK"), "reason", "dispute")).status()).isEqualTo(200);
        ApiClient inDenmark = newListener("DK");
        ApiClient inNorway = newListener("NO");

        eventually(() -> assertThat(names(inDenmark, "hoppipolla", "&type=track")).doesNotContain("Hoppípolla"));
        assertThat(names(inNorway, "hoppipolla", "&type=track")).contains("Hoppípolla");
        assertThat(names(inDenmark, "hoppipolla", "&type=track&territory=NO")).contains("Hoppípolla");
        assertThat(names(newListener(), "hoppipolla", "&type=track")).contains("Hoppípolla");
        assertThat(inDenmark.get("/api/v1/tracks/" + track).json().get("available").asBoolean()).isFalse();
        assertThat(inNorway.get("/api/v1/tracks/" + track).json().get("available").asBoolean()).isTrue();

        assertThat(admin().post("/api/v1/releases/" + release + "/tracks/" + track + "/restore",
                Map.of("territories", List.of("DK"))).status()).isEqualTo(200);
        eventually(() -> assertThat(names(inDenmark, "hoppipolla", "&type=track")).contains("Hoppípolla"));
    }

    private static List<String> names(ApiClient client, String query, String extra) {
        ApiClient.Response response = client.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + extra);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("results").get("track").get("items").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }

    private List<String> suggestions(String prefix) {
        ApiClient.Response response = listener.get("/api/v1/search/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        response.json().get("suggestions").forEach(s -> texts.add(s.get("text").asText()));
        return texts;
    }

    @Test
    void suggestsCompletionsAsTheUserTypes() {
        assertThat(suggestions("bohem")).contains("Bohemian Rhapsody", "Bohemian Like You").hasSizeLessThanOrEqualTo(10);
        assertThat(suggestions("beyon")).contains("Beyoncé");
        assertThat(suggestions("hopp")).contains("Hoppípolla");
        assertThat(listener.get("/api/v1/search/suggest?q=").status()).isEqualTo(400);
    }

    @Test
    void aRebuildReplaysIntoANewIndexWhileTheOldOneServes() {
        ApiClient admin = admin();
        ApiClient.Response started = admin.post("/api/v1/admin/search-index/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String newIndex = started.json().get("newIndex").asText();
        eventually(() -> {
            assertThat(trackNames("bohemian rhapsody")).contains("Bohemian Rhapsody");
            JsonNode progress = admin.get("/api/v1/admin/search-index/rebuild").json();
            assertThat(progress.get("state").asText()).isEqualTo("DONE");
            assertThat(progress.get("tracksIndexed").asLong()).isGreaterThanOrEqualTo(12);
        });
        eventually(() -> assertThat(trackNames("hoppipolla")).contains("Hoppípolla"));
        assertThat(newListener().get("/api/v1/admin/search-index/rebuild").status()).isEqualTo(403);
        assertThat(newIndex).startsWith("catalog-v" + CatalogIndex.MAPPING_VERSION);
    }
}
