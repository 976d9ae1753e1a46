package io.musicstream.command.catalog;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.catalog.ArtistRegistered;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ArtistTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private final AggregateTestFixture<Artist> fixture = new AggregateTestFixture<>(Artist.class);

    @Test
    void registeringAnArtistStripsTheName() {
        fixture.givenNoPriorActivity().when(new RegisterArtist("a-1", "  Beyoncé ", T0))
                .expectEvents(new ArtistRegistered("a-1", "Beyoncé", T0));
    }

    @Test
    void anArtistNeedsAName() {
        fixture.givenNoPriorActivity().when(new RegisterArtist("a-1", " ", T0))
                .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void anArtistNameOrIdNoReadModelCanHoldIsRefused() {
        fixture.givenNoPriorActivity().when(new RegisterArtist("a\u0000", "x".repeat(301), T0))
                .expectException(io.musicstream.command.common.InvalidInputException.class)
                .expectExceptionMessage("artistId: must not contain control characters (U+0000 at 1); "
                        + "name: must be at most 300 characters, got 301")
                .expectNoEvents();
    }

    @Test
    void anArtistsAggregateLivesInItsOwnNamespace() {
        org.assertj.core.api.Assertions.assertThat(new RegisterArtist("library:u-1", "Claimer", T0).aggregateId())
                .isEqualTo("artist:library:u-1");
    }
}
