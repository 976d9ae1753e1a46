package io.musicstream.infra.listening;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/analytics/streams}: plays reach it through the projection; JSON pages, CSV of every group,
 * 400 problems naming the parameter, and only analysts and admins may read it.
 */
class AnalyticsStreamsTest extends IntegrationTest {

    private static final String PATH = "/api/v1/analytics/streams";

    @Autowired
    JdbcClient jdbc;

    @Test
    void countedPlaysShowAsStreamsAndEveryPlayAsAPlayWithTheCatalogsNames() {
        ApiClient listener = newListener();
        ApiClient analyst = analyst();
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String day = start.toString().substring(0, 10);
        assertThat(listener.post("/api/v1/me/plays", play(start, 200_000)).status()).isEqualTo(201);
        assertThat(listener.post("/api/v1/me/plays", play(start.plusSeconds(300), 10_000)).status()).isEqualTo(201);

        eventually(() -> {
            JsonNode page = analyst.get(PATH + "?groupBy=track&from=" + day + "&to=" + day + "&territory=LI").json();
            assertThat(page.get("rows")).hasSize(1);
            assertThat(page.at("/rows/0/key").asText()).isEqualTo(playableTrack());
            assertThat(page.at("/rows/0/name").asText()).isEqualTo("Playable Track");
            assertThat(page.at("/rows/0/streams").asLong()).isEqualTo(1);
            assertThat(page.at("/rows/0/plays").asLong()).isEqualTo(2);
            assertThat(page.at("/rows/0/msPlayed").asLong()).isEqualTo(210_000);
        });
        JsonNode artists = analyst.get(PATH + "?groupBy=artist&from=" + day + "&to=" + day + "&territory=LI").json();
        assertThat(artists.at("/rows/0/name").asText()).isEqualTo("Playable");
        assertThat(analyst.get(PATH + "?groupBy=territory&from=" + day + "&to=" + day).json().get("rows"))
                .anySatisfy(row -> assertThat(row.get("key").asText()).isEqualTo("LI"));
    }

    @Test
    void pagesAreOrderedByStreamsThenKeyAndSayWhatTheyHold() {
        String prefix = "page-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 5; i++) {
            trackDay("2001-01-0" + (1 + i % 2), "GL", prefix + i, 10 - i / 2);
        }
        ApiClient analyst = analyst();

        JsonNode page = analyst.get(PATH + "?groupBy=track&from=2001-01-01&to=2001-01-02&territory=GL&limit=2&offset=1")
                .json();

        assertThat(page.get("groupBy").asText()).isEqualTo("track");
        assertThat(page.get("from").asText()).isEqualTo("2001-01-01");
        assertThat(page.get("to").asText()).isEqualTo("2001-01-02");
        assertThat(page.get("territory").asText()).isEqualTo("GL");
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("rows").valueStream().map(r -> r.get("key").asText()).toList())
                .containsExactly(prefix + "1", prefix + "2");
        JsonNode days = analyst.get(PATH + "?groupBy=day&from=2001-01-01&to=2001-01-02&territory=GL").json();
        assertThat(days.get("rows").valueStream().map(r -> r.get("key").asText() + "=" + r.get("streams").asLong())
                .toList()).containsExactly("2001-01-01=27", "2001-01-02=19");
    }

    @Test
    void csvStreamsEveryGroupWithAHeaderInPageOrder() {
        String prefix = "csv-" + UUID.randomUUID() + "-";
        int groups = 2_600;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            rows.add(new Object[] {prefix + String.format("%05d", i), (long) (i % 10)});
        }
        jdbc.sql("""
                insert into analytics_artist_day (day, territory, artist_id, streams, plays, ms_played)
                select date '2002-03-04', 'GS', a, s, s + 1, s * 1000
                from unnest(?::text[], ?::bigint[]) as r(a, s)""")
                .params(rows.stream().map(r -> r[0]).toArray(String[]::new),
                        rows.stream().map(r -> r[1]).toArray(Long[]::new))
                .update();
        String named = prefix + "named";
        jdbc.sql("insert into browse_artist (artist_id, name, registered_at) values (?, ?, now())")
                .params(named, "Earth, Wind & \"Fire\"").update();
        jdbc.sql("insert into analytics_artist_day values (date '2002-03-04', 'GS', ?, 100, 100, 1)")
                .param(named).update();

        ApiClient.Response csv = analyst().get(PATH + "?groupBy=artist&from=2002-03-01&to=2002-03-31&territory=GS",
                "text/csv");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(groups + 2);
        assertThat(lines.get(0)).isEqualTo("key,name,streams,plays,msPlayed");
        assertThat(lines.get(1)).isEqualTo(named + ",\"Earth, Wind & \"\"Fire\"\"\",100,100,1");
        assertThat(lines.get(2)).isEqualTo(prefix + "00009,,9,10,9000");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(prefix + "02590,,0,1,0");
        assertThat(lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct()).hasSize(groups + 1);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        ApiClient analyst = analyst();
        String ok = "&from=2026-01-01&to=2026-01-31";
        Map<String, String> cases = new HashMap<>();
        cases.put("?from=2026-01-01&to=2026-01-31", "groupBy is required");
        cases.put("?groupBy=genre" + ok, "groupBy must be one of track, artist, release, territory, day");
        cases.put("?groupBy=TRACK" + ok, "groupBy must be one of");
        cases.put("?groupBy=track&to=2026-01-31", "from is required");
        cases.put("?groupBy=track&from=2026-01-01", "to is required");
        cases.put("?groupBy=track&from=2026-02-30&to=2026-03-01", "from is not a day of the calendar");
        cases.put("?groupBy=track&from=0000-12-31&to=0001-01-01", "from is not a day of the calendar");
        cases.put("?groupBy=track&from=20260101&to=2026-03-01", "from must be a UTC day as YYYY-MM-DD");
        cases.put("?groupBy=track&from=2026-01-01&to=2026-1-2", "to must be a UTC day as YYYY-MM-DD");
        cases.put("?groupBy=track&from=2026-01-02&to=2026-01-01", "to must not be before from");
        cases.put("?groupBy=track&from=2025-01-01&to=2026-01-02", "span more than 366 days");
        cases.put("?groupBy=track" + ok + "&territory=se", "territory must be");
        cases.put("?groupBy=track" + ok + "&territory=ZZ", "territory must be");
        cases.put("?groupBy=track" + ok + "&territory=SWE", "territory must be");
        cases.put("?groupBy=track" + ok + "&limit=0", "limit must be between 1 and 1000");
        cases.put("?groupBy=track" + ok + "&limit=1001", "limit must be between 1 and 1000");
        cases.put("?groupBy=track" + ok + "&offset=-1", "offset must be between 0");
        cases.put("?groupBy=track" + ok + "&limit=ten", "limit");
        cases.forEach((query, detail) -> assertProblem(analyst.get(PATH + query), 400, detail));
        assertProblem(analyst.get(PATH + "?groupBy=genre" + ok, "text/csv"), 400, "groupBy must be one of");
        assertProblem(analyst.get(PATH + "?groupBy=track&from=2025-01-01&to=2026-01-02", "text/csv"), 400,
                "span more than 366 days");
        // the longest range and a leap day are fine
        assertThat(analyst.get(PATH + "?groupBy=day&from=2024-01-01&to=2024-12-31").status()).isEqualTo(200);
        assertThat(analyst.get(PATH + "?groupBy=day&from=2024-02-29&to=2024-02-29&territory=XX").status())
                .isEqualTo(200);
    }

    @Test
    void onlyAnalystsAndAdminsMayReadStreamsAndAnAdminGrantsTheRole() {
        String query = PATH + "?groupBy=day&from=2026-01-01&to=2026-01-02";
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient listener = register(username);

        assertProblem(listener.get(query), 403, "roles");
        assertProblem(listener.get(query, "text/csv"), 403, "roles");
        assertThat(anonymous.get(query).status()).isEqualTo(401);
        assertThat(admin().get(query).status()).isEqualTo(200);
        assertThat(admin().get(query, "text/csv").status()).isEqualTo(200);

        String userId = listener.get("/api/v1/me").json().get("userId").asText();
        assertThat(admin().put("/api/v1/admin/users/" + userId + "/roles",
                Map.of("roles", List.of("LISTENER", "ANALYST"))).status()).isEqualTo(200);
        ApiClient analyst = anonymous.loggedIn(username, "correct horse battery");

        ApiClient.Response answer = analyst.get(query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(analyst.get(query, "*/*").contentType()).startsWith("application/json");
        assertThat(analyst.get(query, "text/csv").status()).isEqualTo(200);
    }

    private Map<String, Object> play(Instant startedAt, long msPlayed) {
        Map<String, Object> play = new HashMap<>();
        play.put("playId", UUID.randomUUID().toString());
        play.put("trackId", playableTrack());
        play.put("startedAt", startedAt.toString());
        play.put("msPlayed", msPlayed);
        play.put("territory", "LI");
        return play;
    }

    private void trackDay(String day, String territory, String trackId, long streams) {
        jdbc.sql("""
                insert into analytics_track_day (day, territory, track_id, release_id, artist_ids, streams, plays,
                                                 ms_played)
                values (?::date, ?, ?, 'r', '{}', ?, ?, 0)""")
                .params(day, territory, trackId, streams, streams).update();
    }

    private ApiClient register(String username) {
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("username", username, "password", "correct horse battery"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return anonymous.loggedIn(username, "correct horse battery");
    }

    /** A new user an admin made an analyst, signed in. */
    private ApiClient analyst() {
        String username = "analyst-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient user = register(username);
        String userId = user.get("/api/v1/me").json().get("userId").asText();
        assertThat(admin().put("/api/v1/admin/users/" + userId + "/roles", Map.of("roles", List.of("ANALYST")))
                .status()).isEqualTo(200);
        return anonymous.loggedIn(username, "correct horse battery");
    }
}
