package io.musicstream.command.playback;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.events.playback.EndReason;
import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.StreamRulesAdopted;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlayRecorderTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant T0 = NOW.minus(Duration.ofMinutes(4));
    private static final long DURATION = 200_000;
    private final PlayRecorderFixture fixture = new PlayRecorderFixture();
    private StreamRuleHistory history = StreamRuleHistory.initial();
    private final StreamRulesInForce rules = () -> history;
    private final InMemoryCountedStreams counted = new InMemoryCountedStreams();

    /** t-1 plays everywhere but DE; t-blocked nowhere; nothing else exists. u-de lives in DE. */
    @BeforeEach
    void catalog() {
        fixture.catalog = trackId -> switch (trackId) {
            case "t-1" -> track(territory -> "DE".equals(territory) ? "not licensed in DE" : null);
            case "t-blocked" -> track(territory -> "taken down");
            default -> null;
        };
        fixture.countries = userId -> userId.equals("u-de") ? "DE" : null;
        fixture.rules = rules;
        fixture.counted = counted;
    }

    private static PlayRecorderFixture.Track track(java.util.function.Function<String, String> unavailable) {
        return new PlayRecorderFixture.Track(DURATION, "r-1", List.of("a-1"), unavailable);
    }

    private static RecordPlay play(String playId, String userId, String trackId, Instant startedAt, long msPlayed,
                                   String deviceId, String territory) {
        return new RecordPlay(playId, userId, trackId, startedAt, msPlayed, deviceId, territory, null, null, null,
                false, NOW);
    }

    @Test
    void aReportedPlayBecomesTrackPlayed() {
        fixture.given()
                .when(play("p-1", "u-1", "t-1", T0, 183_000, "phone", "SE"))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", T0, 183_000, "phone", "SE", "SE", "r-1", List.of("a-1"), null, null, false, true, 1));
    }

    @Test
    void aPlayCarriesTheListenersPlanAsItsTier() {
        fixture.plans = userIds -> java.util.Map.of("u-1", io.musicstream.events.account.Plan.PREMIUM);
        fixture.given()
                .when(play("p-1", "u-1", "t-1", T0, 183_000, "phone", "SE"), play("p-2", "u-edge", "t-1", T0, 183_000,
                        "phone", "SE"))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", T0, 183_000, "phone", "SE", "SE", "r-1",
                                List.of("a-1"), null, null, false, true, 1, io.musicstream.events.account.Plan.PREMIUM),
                        new TrackPlayed("p-2", "u-edge", "t-1", T0, 183_000, "phone", "SE", "SE", "r-1",
                                List.of("a-1"), null, null, false, true, 1, null));
    }

    @Test
    void aPlayWithoutTrackOrTimeIsRefused() {
        fixture.given()
                .when(new RecordPlay("p-1", "u-1", " ", null, -1, null, null, null, null, null, false, NOW))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("trackId: is required; msPlayed: must be from 0 to 86400000, got -1; "
                        + "startedAt: is required")
                .expectNoEvents();
    }

    @Test
    void controlCharactersInAnyFieldAreRefusedNamingTheField() {
        fixture.given()
                .when(play("p\u0000", "u-1", "t\u0001", T0, 1, "ph\u007fone", "S\u0085"))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("playId: must not contain control characters"),
                        org.hamcrest.Matchers.containsString("trackId: must not contain control characters"),
                        org.hamcrest.Matchers.containsString("deviceId: must not contain control characters"),
                        org.hamcrest.Matchers.containsString("territory: must not contain control characters")))
                .expectNoEvents();
    }

    @Test
    void aPlayIdLongerThanAnIdIsRefused() {
        fixture.given()
                .when(play("p".repeat(300), "u-1", "t-1", T0, 1, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("playId: must be at most 100 characters, got 300")
                .expectNoEvents();
    }

    @Test
    void aUserIdWithAColonIsRefusedSoPlayIdsCannotBeConfused() {
        fixture.given()
                .when(play("p-1", "u:1", "t-1", T0, 1, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("userId: must not contain ':'");
    }

    @Test
    void cannotPlayLongerThanTheTrackPlusTheMargin() {
        fixture.given()
                .when(play("p-1", "u-1", "t-1", T0, DURATION + PlayRecorder.DURATION_MARGIN_MS + 1, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("msPlayed: must be at most the track's duration"))
                .expectNoEvents();
    }

    @Test
    void aPlayAsLongAsTheTrackPlusTheMarginIsRecorded() {
        long ms = DURATION + PlayRecorder.DURATION_MARGIN_MS;
        fixture.given()
                .when(play("p-1", "u-1", "t-1", T0, ms, null, null))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", T0, ms, null, null, null, "r-1", List.of("a-1"), null, null, false, true, 1));
    }

    @Test
    void anImplausibleMsPlayedIsRefusedBeforeTheCatalogIsAsked() {
        fixture.given()
                .when(play("p-1", "u-1", "t-unknown", T0, 999_999_999_999L, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("msPlayed: must be from 0 to 86400000, got 999999999999");
    }

    @Test
    void cannotStartBeyondTheClockSkewAfterItWasReceived() {
        fixture.given()
                .when(play("p-1", "u-1", "t-1", NOW.plus(PlayRecorder.CLOCK_SKEW).plusSeconds(1), 1, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("startedAt: must not be after"));
    }

    @Test
    void aPlayWithinTheClockSkewIsRecorded() {
        Instant ahead = NOW.plus(PlayRecorder.CLOCK_SKEW);
        fixture.given()
                .when(play("p-1", "u-1", "t-1", ahead, 1, null, null))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", ahead, 1, null, null, null, "r-1", List.of("a-1"), null, null, false, false, 1));
    }

    @Test
    void cannotReportAPlayOlderThanTheOfflineWindow() {
        fixture.given()
                .when(play("p-1", "u-1", "t-1", NOW.minus(PlayRecorder.OFFLINE_WINDOW).minusSeconds(1), 1, null, null))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("startedAt: must not be more than 30 days"));
    }

    @Test
    void cannotPlayATrackTheCatalogDoesNotKnow() {
        fixture.given()
                .when(play("p-1", "u-1", "t-unknown", T0, 1, null, null))
                .expectException(UnknownItemException.class)
                .expectNoEvents();
    }

    @Test
    void cannotPlayATrackTakenDown() {
        fixture.given()
                .when(play("p-1", "u-1", "t-blocked", T0, 1, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void cannotPlayATrackNotLicensedInTheUsersCountryWhenThePlayNamesNone() {
        fixture.given()
                .when(play("p-1", "u-de", "t-1", T0, 1, null, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("in DE"))
                .expectNoEvents();
    }

    @Test
    void thePlaysTerritoryWinsOverTheUsersCountry() {
        fixture.given()
                .when(play("p-1", "u-de", "t-1", T0, 1, null, "SE"))
                .expectEvents(new TrackPlayed("p-1", "u-de", "t-1", T0, 1, null, "SE", "SE", "r-1", List.of("a-1"), null, null, false, false, 1));
    }

    @Test
    void thePlaysAggregateIsScopedToItsUser() {
        fixture.given()
                .when(play("p-1", "u-1", "t-1", T0, 1, null, null))
                .expectStreams("play:u-1:p-1");
    }

    @Test
    void aPlayCarriesItsEndReasonContextAndOfflineFlag() {
        fixture.given()
                .when(new RecordPlay("p-1", "u-1", "t-1", T0, 183_000, "phone", "SE", "skipped", "PLAYLIST", "pl-1",
                        true, NOW))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", T0, 183_000, "phone", "SE", "SE", "r-1", List.of("a-1"), EndReason.SKIPPED,
                        new PlayContext(PlayContext.Type.PLAYLIST, "pl-1"), true, true, 1));
    }

    @Test
    void unknownEndReasonsAndContextsAreRefusedNamingTheField() {
        fixture.given()
                .when(new RecordPlay("p-1", "u-1", "t-1", T0, 1, null, null, "EXPLODED", "CAR", "c\u0000",
                        false, NOW))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("endReason: must be one of"),
                        org.hamcrest.Matchers.containsString("context.type: must be one of"),
                        org.hamcrest.Matchers.containsString("context.id: must not contain control characters")))
                .expectNoEvents();
        org.assertj.core.api.Assertions.assertThat(counted.lastCounted).isEmpty();
    }

    @Test
    void aContextIdWithoutATypeIsRefused() {
        fixture.given()
                .when(new RecordPlay("p-1", "u-1", "t-1", T0, 1, null, null, null, null, "pl-1", false, NOW))
                .expectException(InvalidInputException.class)
                .expectExceptionMessage("context.type: is required with context.id");
    }

    @Test
    void aCountedPlayIsRememberedForTheRepeatWindow() {
        fixture.given()
                .when(play("p-1", "u-1", "t-1", T0, 30_000, null, null))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", T0, 30_000, null, null, null, "r-1", List.of("a-1"), null, null, false, true, 1));
        org.assertj.core.api.Assertions.assertThat(counted.lastCounted).containsEntry("u-1/t-1", T0);
    }

    @Test
    void aReplayOfTheSameTrackWithinTheWindowIsRecordedButNotCounted() {
        counted.counted("u-1", "t-1", T0);
        Instant replay = T0.plusSeconds(29);
        fixture.given()
                .when(play("p-2", "u-1", "t-1", replay, 183_000, null, null))
                .expectEvents(new TrackPlayed("p-2", "u-1", "t-1", replay, 183_000, null, null, null, "r-1", List.of("a-1"), null, null, false,
                        false, 1));
        org.assertj.core.api.Assertions.assertThat(counted.lastCounted).containsEntry("u-1/t-1", T0);
    }

    @Test
    void aRefusedPlayLeavesTheCountedStreamsUnchanged() {
        fixture.given()
                .when(play("p-1", "u-1", "t-blocked", T0, 183_000, null, null))
                .expectException(InvalidCommandException.class);
        org.assertj.core.api.Assertions.assertThat(counted.lastCounted).isEmpty();
    }

    @Test
    void theSamePlayIdFromTwoUsersCountsForBoth() {
        fixture.given()
                .when(play("p-1", "u-1", "t-1", T0, 183_000, null, null))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", T0, 183_000, null, null, null, "r-1", List.of("a-1"), null, null, false, true, 1));
        PlayRecorderFixture other = new PlayRecorderFixture();
        other.catalog = trackId -> track(territory -> null);
        other.rules = rules;
        other.counted = counted;
        other.given()
                .when(play("p-1", "u-2", "t-1", T0, 183_000, null, null))
                .expectEvents(new TrackPlayed("p-1", "u-2", "t-1", T0, 183_000, null, null, null, "r-1", List.of("a-1"), null, null, false, true, 1));
    }

    @Test
    void aPlayIsCountedByTheRulesInForceWhenItStarted() {
        history = history.with(new StreamRulesAdopted(2, 60_000, 30_000, T0, "admin"));
        Instant before = T0.minusSeconds(1);
        fixture.given()
                .when(play("p-1", "u-1", "t-1", before, 45_000, null, null))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", before, 45_000, null, null, null, "r-1", List.of("a-1"), null, null, false,
                        true, 1));
        PlayRecorderFixture after = new PlayRecorderFixture();
        after.catalog = trackId -> track(territory -> null);
        after.rules = rules;
        after.counted = counted;
        after.given()
                .when(play("p-2", "u-1", "t-2", T0, 45_000, null, null))
                .expectEvents(new TrackPlayed("p-2", "u-1", "t-2", T0, 45_000, null, null, null, "r-1", List.of("a-1"), null, null, false,
                        false, 2));
    }
}
