package io.musicstream.command.playback;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.playback.RecordPlay;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class PlayTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private final AggregateTestFixture<Play> fixture = new AggregateTestFixture<>(Play.class);

    @Test
    void aReportedPlayBecomesTrackPlayed() {
        fixture.givenNoPriorActivity()
                .when(new RecordPlay("p-1", "u-1", "t-1", T0, 183_000, "phone", "SE"))
                .expectEvents(new TrackPlayed("p-1", "u-1", "t-1", T0, 183_000, "phone", "SE"));
    }

    @Test
    void aPlayWithoutTrackOrTimeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordPlay("p-1", "u-1", " ", null, -1, null, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("trackId is required; startedAt is required; msPlayed must not be negative")
                .expectNoEvents();
    }
}
