package io.musicstream.command.royalty;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class RoyaltyPeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-12-01T10:00:00Z");
    private final AggregateTestFixture<RoyaltyPeriod> fixture = new AggregateTestFixture<>(RoyaltyPeriod.class);

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
        new AggregateTestFixture<>(RoyaltyPeriod.class).givenNoPriorActivity()
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
            new AggregateTestFixture<>(RoyaltyPeriod.class).givenNoPriorActivity()
                    .when(declare(period, "DK", Plan.PREMIUM, 1, "DKK"))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage(startsWith("period: must be a month written YYYY-MM"))
                    .expectNoEvents();
        }
    }

    @Test
    void anUnknownTerritoryIsRefused() {
        for (String territory : new String[]{"XX", "WW", "dk", "DNK", ""}) {
            new AggregateTestFixture<>(RoyaltyPeriod.class).givenNoPriorActivity()
                    .when(declare("2026-11", territory, Plan.PREMIUM, 1, "DKK"))
                    .expectException(InvalidInputException.class)
                    .expectExceptionMessage(startsWith("territory: must be an ISO 3166-1 alpha-2 code"))
                    .expectNoEvents();
        }
    }

    @Test
    void aCurrencyOutsideIso4217IsRefused() {
        for (String currency : new String[]{"XYZ", "dkk", "DK", "KRONE"}) {
            new AggregateTestFixture<>(RoyaltyPeriod.class).givenNoPriorActivity()
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
}
