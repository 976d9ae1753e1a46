package io.musicstream.command.playback;

import io.musicstream.command.common.InvalidInputException;
import io.musicstream.events.playback.StreamRulesAdopted;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class StreamRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant NEXT_MONTH = Instant.parse("2027-01-01T00:00:00Z");
    private final AggregateTestFixture<StreamRules> fixture = new AggregateTestFixture<>(StreamRules.class);

    @Test
    void theFirstAdoptedRulesAreVersionTwo() {
        fixture.givenNoPriorActivity()
                .when(new AdoptStreamRules(31_000, 60_000, NEXT_MONTH, "admin-1", NOW))
                .expectEvents(new StreamRulesAdopted(2, 31_000, 60_000, NEXT_MONTH, "admin-1"));
    }

    @Test
    void eachAdoptionIsTheNextVersion() {
        fixture.given(new StreamRulesAdopted(2, 31_000, 60_000, NOW, "admin-1"))
                .when(new AdoptStreamRules(30_000, 30_000, NEXT_MONTH, "admin-2", NOW))
                .expectEvents(new StreamRulesAdopted(3, 30_000, 30_000, NEXT_MONTH, "admin-2"));
    }

    @Test
    void rulesThatWouldChangeAPastPeriodAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new AdoptStreamRules(31_000, 60_000, NOW.minusMillis(1), "admin-1", NOW))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("effectiveFrom: must not be before now"))
                .expectNoEvents();
    }

    @Test
    void rulesThatStartBeforeTheLatestVersionAreRefused() {
        fixture.given(new StreamRulesAdopted(2, 31_000, 60_000, NEXT_MONTH, "admin-1"))
                .when(new AdoptStreamRules(30_000, 30_000, NEXT_MONTH.minusSeconds(1), "admin-2", NOW))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("effectiveFrom: must be after the start of version 2"))
                .expectNoEvents();
    }

    @Test
    void rulesTakingEffectNowAreAdopted() {
        fixture.givenNoPriorActivity()
                .when(new AdoptStreamRules(0, 0, NOW, "admin-1", NOW))
                .expectEvents(new StreamRulesAdopted(2, 0, 0, NOW, "admin-1"));
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new AdoptStreamRules(-1, StreamRules.MAX_REPEAT_WINDOW.toMillis() + 1, null, "admin\u0000", NOW))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("adoptedBy: must not contain control characters"),
                        org.hamcrest.Matchers.containsString("minMsPlayed: must be from 0 to 86400000, got -1"),
                        org.hamcrest.Matchers.containsString("repeatWindow: must be from 0 to 86400 s"),
                        org.hamcrest.Matchers.containsString("effectiveFrom: is required")))
                .expectNoEvents();
    }
}
