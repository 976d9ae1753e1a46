package io.musicstream.command.royalty;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class RoyaltyPeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");
    /** Version 2 starts mid-November, version 3 exactly as December starts. */
    private static final RoyaltyRuleHistory HISTORY = new RoyaltyRuleHistory(List.of(
            new RoyaltyRulesAdopted(2, PayoutModel.USER_CENTRIC, 0, 0, 1_000, 500, 2, 2,
                    Instant.parse("2026-11-15T00:00:00Z"), "admin-1"),
            new RoyaltyRulesAdopted(3, PayoutModel.ARTIST_CENTRIC, 0, 0, 1_000, 500, 2, 2, DECEMBER, "admin-1")));
    private final AggregateTestFixture<RoyaltyPeriod> fixture = fixture();

    private static AggregateTestFixture<RoyaltyPeriod> fixture() {
        AggregateTestFixture<RoyaltyPeriod> fixture = new AggregateTestFixture<>(RoyaltyPeriod.class);
        fixture.registerInjectableResource((RoyaltyRulesInForce) () -> HISTORY);
        return fixture;
    }

    private static DeclareRevenuePool declare(String period, String territory, Plan tier, long amount, String currency) {
        return new DeclareRevenuePool(period, territory, tier, amount, currency, "admin-1", NOW);
    }

    @Test
    void aPoolIsDeclaredForAPeriodTerritoryAndTier() {
        fixture.givenNoPriorActivity()
                .when(declare("2026-11", "DK", Plan.PREMIUM, 1_000_000, "DKK"))
                .expectEvents(new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 1_000_000, "DKK", NOW, "admin-1"));
    }

    @Test
    void declaringAPoolAgainReplacesItsAmount() {
        fixture.given(new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 1_000_000, "DKK", EARLIER, "admin-1"))
                .when(declare("2026-11", "DK", Plan.PREMIUM, 900_000, "DKK"))
                .expectEvents(new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 900_000, "DKK", NOW, "admin-1"));
    }

    @Test
    void aPoolKeepsTheCurrencyItWasFirstDeclaredIn() {
        fixture.given(new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 1_000_000, "DKK", EARLIER, "admin-1"))
                .when(declare("2026-11", "DK", Plan.PREMIUM, 130_000, "EUR"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("currency: the DK PREMIUM pool of 2026-11 is declared in DKK, got EUR")
                .expectNoEvents();
    }

    @Test
    void anotherTierOrTerritoryMayUseAnotherCurrency() {
        fixture.given(new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 1_000_000, "DKK", EARLIER, "admin-1"))
                .when(declare("2026-11", "DK", Plan.FREE, 50_000, "EUR"))
                .expectEvents(new RevenuePoolDeclared("2026-11", "DK", Plan.FREE, 50_000, "EUR", NOW, "admin-1"));
    }

    @Test
    void zeroAndTheLargestAmountAreAccepted() {
        fixture.givenNoPriorActivity()
                .when(declare("2026-11", "SE", Plan.FREE, 0, "SEK"))
                .expectEvents(new RevenuePoolDeclared("2026-11", "SE", Plan.FREE, 0, "SEK", NOW, "admin-1"));
        fixture().givenNoPriorActivity()
                .when(declare("2026-11", "SE", Plan.FREE, RoyaltyPeriod.MAX_AMOUNT_MINOR, "SEK"))
                .expectEvents(new RevenuePoolDeclared("2026-11", "SE", Plan.FREE, RoyaltyPeriod.MAX_AMOUNT_MINOR,
                        "SEK", NOW, "admin-1"));
    }

    @Test
    void aNegativeAmountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(declare("2026-11", "DK", Plan.PREMIUM, -1, "DKK"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("amountMinor: must be from 0 to 1000000000000000, got -1")
                .expectNoEvents();
    }

    @Test
    void anAmountAboveTenToTheFifteenIsRefused() {
        fixture.givenNoPriorActivity()
                .when(declare("2026-11", "DK", Plan.PREMIUM, RoyaltyPeriod.MAX_AMOUNT_MINOR + 1, "DKK"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(startsWith("amountMinor: must be from 0 to 1000000000000000"))
                .expectNoEvents();
    }

    @Test
    void aPeriodThatIsNotAMonthIsRefused() {
        for (String period : new String[]{"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "+2026-11"}) {
            fixture().givenNoPriorActivity()
                    .when(declare(period, "DK", Plan.PREMIUM, 1, "DKK"))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage(startsWith("period: must be a month written YYYY-MM"))
                    .expectNoEvents();
        }
    }

    @Test
    void anUnknownTerritoryIsRefused() {
        for (String territory : new String[]{"XX", "WW", "dk", "DNK", ""}) {
            fixture().givenNoPriorActivity()
                    .when(declare("2026-11", territory, Plan.PREMIUM, 1, "DKK"))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage(startsWith("territory: must be an ISO 3166-1 alpha-2 code"))
                    .expectNoEvents();
        }
    }

    @Test
    void aCurrencyOutsideIso4217IsRefused() {
        for (String currency : new String[]{"XYZ", "dkk", "DK", "KRONE"}) {
            fixture().givenNoPriorActivity()
                    .when(declare("2026-11", "DK", Plan.PREMIUM, 1, currency))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage(startsWith("currency: must be an ISO 4217 code"))
                    .expectNoEvents();
        }
    }

    @Test
    void missingFieldsAreRefusedNamingEachField() {
        fixture.givenNoPriorActivity()
                .when(new DeclareRevenuePool("2026-11", null, null, 1, null, "admin\u0000", null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(allOf(
                        containsString("declaredBy: must not contain control characters"),
                        containsString("territory: must be an ISO 3166-1 alpha-2 code such as DK, got nothing"),
                        containsString("tier: is required"),
                        containsString("currency: must be an ISO 4217 code such as DKK, got nothing"),
                        containsString("requestedAt: is required")))
                .expectNoEvents();
    }

    private static CloseRoyaltyPeriod close(String period, Instant requestedAt) {
        return new CloseRoyaltyPeriod(period, requestedAt, "admin-2");
    }

    @Test
    void aPeriodClosesUnderTheRulesInForceAtItsEnd() {
        fixture.given(new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 1_000_000, "DKK", EARLIER, "admin-1"))
                .when(close("2026-11", NOW))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2)
                .expectEvents(new RoyaltyPeriodClosed("2026-11", 2, NOW, "admin-2"));
    }

    @Test
    void aPeriodBeforeEveryAdoptedVersionClosesUnderVersionOne() {
        fixture.given(new RevenuePoolDeclared("2026-10", "DK", Plan.PREMIUM, 1_000_000, "DKK", EARLIER, "admin-1"))
                .when(close("2026-10", NOW))
                .expectEvents(new RoyaltyPeriodClosed("2026-10", 1, NOW, "admin-2"));
    }

    @Test
    void aPeriodWithNoPoolClosesWithNothingToPay() {
        fixture.givenNoPriorActivity()
                .when(close("2026-11", NOW))
                .expectEvents(new RoyaltyPeriodClosed("2026-11", 2, NOW, "admin-2"));
    }

    @Test
    void aPeriodClosesFromTheFirstInstantOfTheNextMonth() {
        fixture.givenNoPriorActivity()
                .when(close("2026-11", DECEMBER))
                .expectEvents(new RoyaltyPeriodClosed("2026-11", 2, DECEMBER, "admin-2"));
    }

    @Test
    void aPeriodThatHasNotEndedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(close("2026-11", DECEMBER.minusNanos(1)))
                .expectException(ConflictException.class)
                .expectExceptionMessage("period 2026-11 has not ended: it can close from 2026-12-01T00:00:00Z")
                .expectNoEvents();
        fixture().givenNoPriorActivity()
                .when(close("2026-12", NOW))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aClosedPeriodIsNotClosedAgain() {
        fixture.given(new RoyaltyPeriodClosed("2026-11", 2, NOW, "admin-2"))
                .when(close("2026-11", NOW.plusSeconds(60)))
                .expectException(ConflictException.class)
                .expectExceptionMessage("period 2026-11 is already closed (at 2026-12-07T10:00:00Z by admin-2)")
                .expectNoEvents();
    }

    @Test
    void noPoolIsDeclaredForAClosedPeriod() {
        fixture.given(new RevenuePoolDeclared("2026-11", "DK", Plan.PREMIUM, 1_000_000, "DKK", EARLIER, "admin-1"),
                        new RoyaltyPeriodClosed("2026-11", 2, NOW, "admin-2"))
                .when(declare("2026-11", "DK", Plan.PREMIUM, 900_000, "DKK"))
                .expectException(ConflictException.class)
                .expectExceptionMessage("period 2026-11 is closed: its pools are final")
                .expectNoEvents();
    }

    @Test
    void aBadCloseIsRefusedNamingEachField() {
        fixture.givenNoPriorActivity()
                .when(new CloseRoyaltyPeriod("2026-13", null, " "))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(allOf(
                        containsString("period: must be a month written YYYY-MM"),
                        containsString("requestedAt: is required"),
                        containsString("closedBy: is required")))
                .expectNoEvents();
    }
}
