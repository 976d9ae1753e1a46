package io.musicstream.command.royalty;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class RoyaltyRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant NEXT_MONTH = Instant.parse("2027-01-01T00:00:00Z");
    private final AggregateTestFixture<RoyaltyRules> fixture = new AggregateTestFixture<>(RoyaltyRules.class);

    private static AdoptRoyaltyRules adopt(PayoutModel model, Instant effectiveFrom, String by) {
        return new AdoptRoyaltyRules(model, 1_000, 1_000, 1_000, 500, 2, 2, effectiveFrom, by, NOW);
    }

    private static RoyaltyRulesAdopted adopted(int version, PayoutModel model, Instant effectiveFrom, String by) {
        return new RoyaltyRulesAdopted(version, model, 1_000, 1_000, 1_000, 500, 2, 2, effectiveFrom, by);
    }

    @Test
    void theFirstAdoptedRulesAreVersionTwo() {
        fixture.givenNoPriorActivity()
                .when(adopt(PayoutModel.USER_CENTRIC, NEXT_MONTH, "admin-1"))
                .expectEvents(adopted(2, PayoutModel.USER_CENTRIC, NEXT_MONTH, "admin-1"))
                .expectResultMessagePayload(2);
    }

    @Test
    void eachAdoptionIsTheNextVersion() {
        fixture.given(adopted(2, PayoutModel.USER_CENTRIC, NOW, "admin-1"))
                .when(adopt(PayoutModel.ARTIST_CENTRIC, NEXT_MONTH, "admin-2"))
                .expectEvents(adopted(3, PayoutModel.ARTIST_CENTRIC, NEXT_MONTH, "admin-2"));
    }

    @Test
    void rulesTakingEffectNowAreAdopted() {
        fixture.givenNoPriorActivity()
                .when(adopt(PayoutModel.PRO_RATA, NOW, "admin-1"))
                .expectEvents(adopted(2, PayoutModel.PRO_RATA, NOW, "admin-1"));
    }

    @Test
    void rulesThatWouldChangeAPastPeriodAreRefused() {
        fixture.givenNoPriorActivity()
                .when(adopt(PayoutModel.PRO_RATA, NOW.minusMillis(1), "admin-1"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(startsWith("effectiveFrom: must not be before now"))
                .expectNoEvents();
    }

    @Test
    void rulesThatStartAtOrBeforeTheLatestVersionAreRefused() {
        fixture.given(adopted(2, PayoutModel.USER_CENTRIC, NEXT_MONTH, "admin-1"))
                .when(adopt(PayoutModel.PRO_RATA, NEXT_MONTH, "admin-2"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(startsWith("effectiveFrom: must be after the start of version 2"))
                .expectNoEvents();
    }

    @Test
    void theLowestValuesOfEveryRangeAreAdopted() {
        fixture.givenNoPriorActivity()
                .when(new AdoptRoyaltyRules(PayoutModel.ARTIST_CENTRIC, 0, 0, 0, 0, 1, 1, NOW, "admin-1", NOW))
                .expectEvents(new RoyaltyRulesAdopted(2, PayoutModel.ARTIST_CENTRIC, 0, 0, 0, 0, 1, 1, NOW, "admin-1"));
    }

    @Test
    void theHighestValuesOfEveryRangeAreAdopted() {
        long streams = RoyaltyRules.MAX_STREAMS;
        int cap = RoyaltyRules.MAX_DAILY_CAP;
        int weight = RoyaltyRules.MAX_WEIGHT;
        fixture.givenNoPriorActivity()
                .when(new AdoptRoyaltyRules(PayoutModel.ARTIST_CENTRIC, streams, cap, streams, streams, weight, weight,
                        NOW, "admin-1", NOW))
                .expectEvents(new RoyaltyRulesAdopted(2, PayoutModel.ARTIST_CENTRIC, streams, cap, streams, streams,
                        weight, weight, NOW, "admin-1"));
    }

    @Test
    void valuesBelowTheirRangeAreRefusedNamingEachField() {
        fixture.givenNoPriorActivity()
                .when(new AdoptRoyaltyRules(null, -1, -1, -1, -1, 0, 0, null, "admin\u0000", NOW))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(allOf(
                        containsString("adoptedBy: must not contain control characters"),
                        containsString("model: is required"),
                        containsString("minTrackStreams: must be from 0 to 1000000000000, got -1"),
                        containsString("userDailyCap: must be from 0 to 100000, got -1"),
                        containsString("artistMinStreams: must be from 0 to 1000000000000, got -1"),
                        containsString("artistMinListeners: must be from 0 to 1000000000000, got -1"),
                        containsString("artistWeight: must be from 1 to 100, got 0"),
                        containsString("soughtOutWeight: must be from 1 to 100, got 0"),
                        containsString("effectiveFrom: is required")))
                .expectNoEvents();
    }

    @Test
    void valuesAboveTheirRangeAreRefusedNamingEachField() {
        long tooMany = RoyaltyRules.MAX_STREAMS + 1;
        fixture.givenNoPriorActivity()
                .when(new AdoptRoyaltyRules(PayoutModel.PRO_RATA, tooMany, RoyaltyRules.MAX_DAILY_CAP + 1, tooMany,
                        tooMany, RoyaltyRules.MAX_WEIGHT + 1, RoyaltyRules.MAX_WEIGHT + 1, NEXT_MONTH, " ", null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(allOf(
                        containsString("adoptedBy: is required"),
                        containsString("minTrackStreams: must be from 0 to 1000000000000, got 1000000000001"),
                        containsString("userDailyCap: must be from 0 to 100000, got 100001"),
                        containsString("artistMinStreams: must be from 0"),
                        containsString("artistMinListeners: must be from 0"),
                        containsString("artistWeight: must be from 1 to 100, got 101"),
                        containsString("soughtOutWeight: must be from 1 to 100, got 101"),
                        containsString("requestedAt: is required")))
                .expectNoEvents();
    }
}
