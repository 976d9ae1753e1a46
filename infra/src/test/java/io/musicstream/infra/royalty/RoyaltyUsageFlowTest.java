package io.musicstream.infra.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import io.musicstream.projections.royalty.RoyaltyUsages;
import io.musicstream.projections.royalty.RoyaltyUsages.Share;
import io.musicstream.projections.royalty.RoyaltyUsages.Usage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plays recorded over HTTP reach the royalty usage read model through its processor, under the track's shares. */
class RoyaltyUsageFlowTest extends IntegrationTest {

    @Autowired
    RoyaltyUsages usages;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountedPlayIsUsageOfItsPoolUnderTheSharesTheCatalogNamed() {
        ApiClient listener = newListener();
        playableTrack();
        // started after the track's release was ingested: earlier plays fall under share version 0
        Instant start = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        assertThat(listener.post("/api/v1/me/plays", play(start, 200_000, "search")).status()).isEqualTo(201);
        assertThat(listener.post("/api/v1/me/plays", play(start.plusSeconds(60), 10_000, "search")).status())
                .isEqualTo(201);
        YearMonth period = YearMonth.from(start.atOffset(ZoneOffset.UTC));

        eventually(() -> {
            List<Usage> found = new ArrayList<>();
            usages.usages(period, "TV", "FREE", found::add);
            assertThat(found).filteredOn(u -> u.trackId().equals(playableTrack()) && u.soughtOut())
                    .singleElement().satisfies(usage -> {
                        assertThat(usage.streams()).isEqualTo(1);
                        assertThat(usage.day()).isEqualTo(LocalDate.ofInstant(start, ZoneOffset.UTC));
                        assertThat(usage.shareVersion()).as("play at %s, shares %s", start,
                                jdbc.sql("select version || ' ' || valid_from from royalty_track_share"
                                        + " where track_id = ?").param(playableTrack()).query(String.class).list())
                                .isEqualTo(1);
                        assertThat(usage.shares()).containsExactly(new Share("emi", "RECORDING_OWNER", 6000),
                                new Share("sony-pub", "PUBLISHER", 4000));
                    });
        });
        assertThat(usages.pools(period)).contains(new RoyaltyUsages.PoolKey("TV", "FREE"));
    }

    @Test
    void aPremiumListenersPlayIsUsageOfThePremiumPool() {
        String username = "premium-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response registered = anonymous.post("/api/v1/auth/register",
                Map.of("username", username, "password", "correct horse battery"));
        String userId = registered.json().get("userId").asText();
        assertThat(admin().put("/api/v1/admin/users/" + userId + "/plan", Map.of("plan", "PREMIUM")).status())
                .isEqualTo(200);
        ApiClient listener = anonymous.loggedIn(username, "correct horse battery");
        Instant start = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        assertThat(listener.post("/api/v1/me/plays", play(start, 200_000, "album")).status()).isEqualTo(201);
        YearMonth period = YearMonth.from(start.atOffset(ZoneOffset.UTC));

        eventually(() -> {
            List<Usage> premium = new ArrayList<>();
            usages.usages(period, "TV", "PREMIUM", premium::add);
            assertThat(premium).filteredOn(u -> u.userId().equals(userId)).singleElement()
                    .satisfies(usage -> assertThat(usage.streams()).isEqualTo(1));
        });
    }

    @Test
    void theRoyaltyProcessorRunsOneSegment() {
        eventually(() -> assertThat(jdbc.sql("select count(*) from token_entry where processor_name = 'royalty'")
                .query(Long.class).single()).isEqualTo(1L));
    }

    private Map<String, Object> play(Instant startedAt, long msPlayed, String context) {
        Map<String, Object> play = new HashMap<>();
        play.put("playId", UUID.randomUUID().toString());
        play.put("trackId", playableTrack());
        play.put("startedAt", startedAt.toString());
        play.put("msPlayed", msPlayed);
        play.put("territory", "TV");
        play.put("context", Map.of("type", context));
        return play;
    }
}
