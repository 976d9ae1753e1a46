package io.musicstream.sagas.royalty;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.royalty.CloseRoyaltyPeriod;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoyaltyPeriodCloseSagaTest {

    private static final String PERIOD = "2026-11";
    /** 2026-12-01T00:00Z plus three days' grace. */
    private static final Instant CLOSES_AT = Instant.parse("2026-12-04T00:00:00Z");
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final SagaTestFixture<RoyaltyPeriodCloseSaga> fixture = new SagaTestFixture<>(RoyaltyPeriodCloseSaga.class);
    private final AtomicBoolean caughtUp = new AtomicBoolean(true);

    @BeforeEach
    void resources() {
        fixture.registerResource(new RoyaltyCloseTiming(Duration.ofDays(3), RETRY));
        fixture.registerResource((RoyaltyUsageProgress) caughtUp::get);
        fixture.registerResource(new FixtureClock(fixture));
    }

    private static RevenuePoolDeclared pool(String period, String territory) {
        return new RevenuePoolDeclared(period, territory, Plan.PREMIUM, 1_000_000, "DKK",
                Instant.parse("2026-11-20T10:00:00Z"), "admin");
    }

    private static CloseRoyaltyPeriod closeAt(Instant now) {
        return new CloseRoyaltyPeriod(PERIOD, now, RoyaltyPeriodCloseSaga.CLOSED_BY);
    }

    @Test
    void theFirstPoolSchedulesTheCloseAtThePeriodsEndPlusTheGraceWindow() throws Exception {
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .whenPublishingA(pool(PERIOD, "DK"))
                .expectActiveSagas(1)
                .expectAssociationWith("period", PERIOD)
                .expectScheduledDeadlineWithName(CLOSES_AT, RoyaltyPeriodCloseSaga.CLOSE_DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void laterPoolsOfThePeriodScheduleNothingMore() throws Exception {
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .andThenTimeElapses(Duration.ofDays(2))
                .whenPublishingA(pool(PERIOD, "SE"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(CLOSES_AT, RoyaltyPeriodCloseSaga.CLOSE_DEADLINE)
                .expectNoScheduledDeadlineWithName(Instant.MIN, CLOSES_AT.minusNanos(1),
                        RoyaltyPeriodCloseSaga.CLOSE_DEADLINE)
                .expectNoScheduledDeadlineWithName(CLOSES_AT.plusNanos(1), Instant.MAX,
                        RoyaltyPeriodCloseSaga.CLOSE_DEADLINE);
    }

    @Test
    void eachPeriodHasASagaOfItsOwn() throws Exception {
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .whenPublishingA(pool("2026-12", "DK"))
                .expectActiveSagas(2)
                .expectScheduledDeadlineWithName(Instant.parse("2027-01-04T00:00:00Z"),
                        RoyaltyPeriodCloseSaga.CLOSE_DEADLINE);
    }

    @Test
    void theDeadlineClosesThePeriodOnceTheRoyaltyReadModelHasCaughtUp() throws Exception {
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .whenTimeAdvancesTo(CLOSES_AT)
                .expectTriggeredDeadlinesWithName(RoyaltyPeriodCloseSaga.CLOSE_DEADLINE)
                .expectDispatchedCommands(closeAt(CLOSES_AT))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void nothingHappensBeforeTheGraceWindowIsOver() throws Exception {
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .whenTimeAdvancesTo(CLOSES_AT.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(CLOSES_AT, RoyaltyPeriodCloseSaga.CLOSE_DEADLINE);
    }

    @Test
    void aReadModelBehindTheStoreIsWaitedForWithAShortRetry() throws Exception {
        caughtUp.set(false);
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .whenTimeAdvancesTo(CLOSES_AT)
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(CLOSES_AT.plus(RETRY), RoyaltyPeriodCloseSaga.CLOSE_DEADLINE);
    }

    @Test
    void theRetryClosesThePeriodOnceTheReadModelHasCaughtUp() throws Exception {
        caughtUp.set(false);
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .andThenTimeAdvancesTo(CLOSES_AT);
        caughtUp.set(true);
        fixture.whenTimeElapses(RETRY)
                .expectDispatchedCommands(closeAt(CLOSES_AT.plus(RETRY)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAdminCloseEndsTheSagaAndCancelsItsDeadline() throws Exception {
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .whenPublishingA(new RoyaltyPeriodClosed(PERIOD, 1, Instant.parse("2026-12-02T09:00:00Z"), "admin"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void anAdminCloseEndsTheSagaWhileItWaitsForTheReadModel() throws Exception {
        caughtUp.set(false);
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .andThenTimeAdvancesTo(CLOSES_AT)
                .whenPublishingA(new RoyaltyPeriodClosed(PERIOD, 1, CLOSES_AT.plusSeconds(5), "admin"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void itsOwnCloseEndsTheSaga() throws Exception {
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .andThenTimeAdvancesTo(CLOSES_AT)
                .whenPublishingA(new RoyaltyPeriodClosed(PERIOD, 1, CLOSES_AT, RoyaltyPeriodCloseSaga.CLOSED_BY))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPeriodAlreadyClosedCountsAsDoneAndEndsTheSaga() throws Exception {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new ConflictException("period " + PERIOD + " is already closed (at 2026-12-02T09:00:00Z by admin)");
        });
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .whenTimeAdvancesTo(CLOSES_AT)
                .expectDispatchedCommands(closeAt(CLOSES_AT))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCloseThatFailsOtherwiseIsRetried() throws Exception {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new IllegalStateException("database away");
        });
        fixture.givenCurrentTime(Instant.parse("2026-11-20T10:00:00Z"))
                .andThenAPublished(pool(PERIOD, "DK"))
                .whenTimeAdvancesTo(CLOSES_AT)
                .expectDispatchedCommands(closeAt(CLOSES_AT))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(CLOSES_AT.plus(RETRY), RoyaltyPeriodCloseSaga.CLOSE_DEADLINE);
    }

    @Test
    void aPoolForAPeriodWhoseGraceWindowIsOverClosesItAtOnce() throws Exception {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        fixture.givenCurrentTime(now)
                .andThenAPublished(pool(PERIOD, "DK"))
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(closeAt(now));
    }

    /** The fixture's time, which its deadlines and events follow. */
    private static final class FixtureClock extends Clock {

        private final SagaTestFixture<?> fixture;

        FixtureClock(SagaTestFixture<?> fixture) {
            this.fixture = fixture;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
