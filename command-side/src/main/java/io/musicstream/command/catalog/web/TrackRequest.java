package io.musicstream.command.catalog.web;

import io.musicstream.events.catalog.AudioFeatures;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

public record TrackRequest(@NotBlank String isrc, @NotBlank @Size(max = 500) String title, long durationMs,
                           int discNumber, int trackNumber, boolean explicit, List<String> artistIds,
                           AudioFeatures audioFeatures, @NotEmpty List<String> territories,
                           @NotEmpty List<@Valid RightsShareRequest> rightsHolders) {

    /**
     * The track's whole new state, under {@code trackId}; disc 0 is read as 1, and a track without artists is
     * credited to {@code releaseArtists}.
     */
    public TrackSpec toSpec(String trackId, List<String> releaseArtists) {
        return new TrackSpec(trackId, isrc, title, durationMs, discNumber == 0 ? 1 : discNumber, trackNumber, explicit,
                artistIds == null || artistIds.isEmpty() ? releaseArtists : artistIds, audioFeatures, territories,
                rightsHolders.stream().map(r -> new RightsShare(r.partyId(), r.name(), r.role(), r.shareBasisPoints()))
                        .toList());
    }
}
