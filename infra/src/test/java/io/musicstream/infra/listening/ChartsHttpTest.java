package io.musicstream.infra.listening;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.projections.listening.charts.ChartBuilder;
import io.musicstream.projections.listening.charts.ChartKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Charts over HTTP: a built chart with the catalog's titles, periods not built yet, bad parameters, roles. */
class ChartsHttpTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChartBuilder builder;

    @Test
    void aBuiltChartListsItsTracksWithTitlesArtistsAndMovements() {
        // Tuvalu: no other test plays there
        ApiClient listener = newListener("TV");
        Instant start = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        String track = playableTrack();
        for (int i = 0; i < 2; i++) {
            ApiClient.Response played = listener.post("/api/v1/me/plays", Map.of("playId", "chart-" + i,
                    "trackId", track, "startedAt", start.plusSeconds(i * 600L).toString(), "msPlayed", 200_000));
            assertThat(played.status()).as(played.toString()).isEqualTo(201);
        }
        eventually(() -> assertThat(jdbc.sql("""
                        select coalesce(sum(streams), 0) from chart_stream
                        where day = ? and territory = 'TV' and track_id = ?""")
                .params(day, track).query(Long.class).single()).isEqualTo(2L));

        builder.build(ChartKind.DAILY, day);

        ApiClient.Response chart = listener.get("/api/v1/charts/TV/daily?date=" + day + "&limit=10");
        assertThat(chart.status()).as(chart.toString()).isEqualTo(200);
        assertThat(chart.json().get("territory").asText()).isEqualTo("TV");
        assertThat(chart.json().get("period").asText()).isEqualTo("daily");
        assertThat(chart.json().get("from").asText()).isEqualTo(day.toString());
        assertThat(chart.json().get("total").asInt()).isEqualTo(1);
        assertThat(chart.json().at("/entries/0/position").asInt()).isEqualTo(1);
        assertThat(chart.json().at("/entries/0/track/trackId").asText()).isEqualTo(track);
        assertThat(chart.json().at("/entries/0/track/title").asText()).isEqualTo("Playable Track");
        assertThat(chart.json().at("/entries/0/track/artists/0/name").asText()).isEqualTo("Playable");
        assertThat(chart.json().at("/entries/0/streams").asLong()).isEqualTo(2);
        assertThat(chart.json().at("/entries/0/previousPosition").isNull()).isTrue();
        assertThat(chart.json().at("/entries/0/peakPosition").asInt()).isEqualTo(1);
        assertThat(chart.json().at("/entries/0/periodsOnChart").asInt()).isEqualTo(1);
        assertThat(chart.json().at("/entries/0/status").asText()).isEqualTo("NEW");

        ApiClient.Response global = listener.get("/api/v1/charts/global/daily?date=" + day);
        assertThat(global.status()).as(global.toString()).isEqualTo(200);
        assertThat(global.json().get("territory").asText()).isEqualTo("global");

        ApiClient.Response trending = listener.get("/api/v1/charts/TV/trending?date=" + day);
        assertThat(trending.status()).as(trending.toString()).isEqualTo(200);
        assertThat(trending.json().get("date").asText()).isEqualTo(day.toString());
        assertThat(trending.json().get("entries")).as("2 streams are under the minimum").isEmpty();
    }

    @Test
    void aPeriodNotBuiltYetIsA404ThatSaysWhenItWillBe() {
        ApiClient listener = newListener();
        assertProblem(listener.get("/api/v1/charts/SE/daily?date=2999-01-01"), 404,
                "at 2999-01-02T01:00:00Z at the earliest");
        assertProblem(listener.get("/api/v1/charts/global/weekly?date=2999-01-01"), 404,
                "the weekly chart of 2998-12-31 to 2999-01-06 is not built yet");
        assertProblem(listener.get("/api/v1/charts/SE/trending?date=2999-01-01"), 404,
                "at 2999-01-02T01:00:00Z at the earliest");
        assertProblem(listener.get("/api/v1/charts/SE/daily?date=1970-01-01"), 404, "is not built: it was due at");
    }

    @Test
    void badParametersAre4xxProblemsNamingThem() {
        ApiClient listener = newListener();
        for (String territory : new String[] {"se", "SWE", "ZZ", "GLOBAL", "W"}) {
            assertProblem(listener.get("/api/v1/charts/" + territory + "/daily"), 400, "territory must be global");
            assertProblem(listener.get("/api/v1/charts/" + territory + "/trending"), 400, "territory must be global");
        }
        assertProblem(listener.get("/api/v1/charts/SE/monthly"), 404, "no chart period 'monthly'");
        for (String date : new String[] {"2026-13-01", "2026-02-30", "2026-1-05", "yesterday", "20261205",
                "1969-12-31", "0000-01-01", "+12026-01-01"}) {
            assertProblem(listener.get("/api/v1/charts/SE/daily?date=" + date), 400, "date must be a day");
            assertProblem(listener.get("/api/v1/charts/global/weekly?date=" + date), 400, "date must be a day");
            assertProblem(listener.get("/api/v1/charts/SE/trending?date=" + date), 400, "date must be a day");
        }
        assertProblem(listener.get("/api/v1/charts/SE/daily?limit=0"), 400, "limit");
        assertProblem(listener.get("/api/v1/charts/SE/daily?limit=201"), 400, "limit");
        assertProblem(listener.get("/api/v1/charts/SE/daily?limit=ten"), 400, "limit");
        assertProblem(listener.get("/api/v1/charts/SE/daily?offset=-1"), 400, "offset");
        assertProblem(listener.get("/api/v1/charts/SE/daily?offset=200"), 400, "offset");
        assertProblem(listener.get("/api/v1/charts/SE/weekly?offset=x"), 400, "offset");
    }

    @Test
    void chartsAreForSignedInUsersOfAnyRole() {
        assertThat(anonymous.get("/api/v1/charts/global/daily").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/charts/SE/weekly?date=2026-01-05").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/charts/SE/trending").status()).isEqualTo(401);
        int listener = newListener().get("/api/v1/charts/SE/daily?date=2999-01-01").status();
        int admin = admin().get("/api/v1/charts/SE/daily?date=2999-01-01").status();
        assertThat(listener).isEqualTo(404);
        assertThat(admin).isEqualTo(404);
    }
}
