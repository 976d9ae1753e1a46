package io.musicstream.infra.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.playback.TrackPlayed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** The royalty processor's sequences: a release's share changes and its tracks' plays are one sequence. */
class RoyaltySequencingTest {

    private final DeadLetterConfig.PerRelease policy = new DeadLetterConfig.PerRelease();

    @Test
    void aReleasesShareChangesAndThePlaysOfItsTracksShareOneSequence() {
        TrackSpec track = new TrackSpec("t1", "QZ1", "Title", 200_000, 1, 1, false, List.of("a1"), null,
                List.of("WW"), List.of());
        Object ingested = new ReleaseIngested("r1", "0", "Release", ReleaseType.ALBUM, List.of("a1"), "Label",
                LocalDate.of(2026, 1, 1), List.of(), null, List.of(track), Instant.EPOCH);
        Object updated = new TrackMetadataUpdated("r1", track, Instant.EPOCH);

        assertThat(List.of(sequenceOf(ingested), sequenceOf(updated), sequenceOf(play("u1", "t1", "r1")),
                sequenceOf(play("u2", "t1", "r1")))).containsOnly("release:r1");
        assertThat(sequenceOf(play("u1", "t2", "r2"))).isEqualTo("release:r2");
    }

    @Test
    void oldPlaysWithoutAReleaseAreSequencedByTrack() {
        assertThat(sequenceOf(play("u1", "t1", null))).isEqualTo("track:t1");
    }

    @Test
    void anUnstorableReleaseIdIsNamedByItsDigest() {
        assertThat((String) sequenceOf(play("u1", "t1", "r\u0000" + "x".repeat(300))))
                .startsWith("release:unstorable-").hasSize("release:unstorable-".length() + 64);
    }

    private Object sequenceOf(Object payload) {
        return policy.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(payload));
    }

    private static TrackPlayed play(String userId, String trackId, String releaseId) {
        return new TrackPlayed("p1", userId, trackId, Instant.EPOCH, 200_000, null, null, "SE", releaseId,
                List.of("a1"), null, null, false, true, 2);
    }
}
