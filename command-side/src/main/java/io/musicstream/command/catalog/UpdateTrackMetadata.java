package io.musicstream.command.catalog;

import io.musicstream.events.catalog.TrackSpec;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a track's metadata; {@code track.trackId()} names the track and must belong to the release. */
public record UpdateTrackMetadata(
        @TargetAggregateIdentifier String releaseId,
        TrackSpec track,
        Instant updatedAt) {
}
