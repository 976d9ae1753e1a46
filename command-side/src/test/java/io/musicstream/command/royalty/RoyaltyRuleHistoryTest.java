package io.musicstream.command.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RoyaltyRuleHistoryTest {

    private static RoyaltyRulesAdopted version(int version, PayoutModel model, String effectiveFrom) {
        return new RoyaltyRulesAdopted(version, model, 0, 0, 1_000, 500, 2, 2, Instant.parse(effectiveFrom), "admin-1");
    }

    @Test
    void versionOneDecidesUntilAVersionIsAdopted() {
        assertThat(RoyaltyRuleHistory.initial().decide(YearMonth.of(2026, 11))).isEqualTo(RoyaltyRulesAdopted.VERSION_1);
    }

    @Test
    void theVersionInForceAtThePeriodsEndDecidesTheWholePeriod() {
        RoyaltyRuleHistory history = RoyaltyRuleHistory.initial()
                .with(version(2, PayoutModel.USER_CENTRIC, "2026-11-15T00:00:00Z"))
                .with(version(3, PayoutModel.ARTIST_CENTRIC, "2026-12-01T00:00:00Z"))
                .with(version(4, PayoutModel.PRO_RATA, "2026-12-01T00:00:00.001Z"));

        assertThat(history.decide(YearMonth.of(2026, 10)).version()).isEqualTo(1);
        assertThat(history.decide(YearMonth.of(2026, 11)).version())
                .as("a version effective at the first instant of December decides December").isEqualTo(2);
        assertThat(history.decide(YearMonth.of(2026, 12)).version()).isEqualTo(4);
        assertThat(history.versions()).extracting(RoyaltyRulesAdopted::version).containsExactly(1, 2, 3, 4);
    }
}
