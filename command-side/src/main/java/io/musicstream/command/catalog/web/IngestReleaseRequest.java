package io.musicstream.command.catalog.web;

import io.musicstream.command.catalog.CatalogIds;
import io.musicstream.command.catalog.IngestRelease;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.TrackSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record IngestReleaseRequest(@NotBlank String upc, @NotBlank @Size(max = 500) String title,
                                   @NotNull ReleaseType releaseType, @NotEmpty List<String> artistIds,
                                   String label, LocalDate releaseDate, List<String> genres, String artworkUrl,
                                   @NotEmpty @Size(max = 500) List<@Valid @NotNull TrackRequest> tracks) {

    /**
     * The command for a request that passed validation: ids derived from UPC and ISRC ({@link CatalogIds}),
     * tracks as {@link TrackRequest#toSpec} makes them. Bulk imports build theirs the same way.
     */
    public IngestRelease toCommand(Instant now) {
        List<TrackSpec> specs = tracks.stream()
                .map(t -> t.toSpec(CatalogIds.trackId(upc, t.isrc()), artistIds)).toList();
        return new IngestRelease(CatalogIds.releaseId(upc), upc, title, releaseType, artistIds, label, releaseDate,
                genres, artworkUrl, specs, now);
    }
}
