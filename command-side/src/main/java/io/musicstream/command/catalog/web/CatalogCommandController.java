package io.musicstream.command.catalog.web;

import io.musicstream.command.catalog.IngestRelease;
import io.musicstream.command.catalog.RegisterArtist;
import io.musicstream.command.catalog.RestoreTrack;
import io.musicstream.command.catalog.TakeDownTrack;
import io.musicstream.command.catalog.UpdateTrackMetadata;
import io.musicstream.events.catalog.AudioFeatures;
import io.musicstream.events.catalog.ReleaseType;
import io.musicstream.events.catalog.RightsRole;
import io.musicstream.events.catalog.RightsShare;
import io.musicstream.events.catalog.TrackSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Catalog writes, for curators and admins. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('CURATOR','ADMIN')")
public class CatalogCommandController {

    private final CommandGateway commands;
    private final Clock clock;

    public CatalogCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public record RegisterArtistRequest(@NotBlank @Size(max = 300) String name) {
    }

    public record ArtistRegisteredResponse(String artistId, String name) {
    }

    @PostMapping("/artists")
    public ResponseEntity<ArtistRegisteredResponse> registerArtist(@Valid @RequestBody RegisterArtistRequest request) {
        String artistId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterArtist(artistId, request.name(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ArtistRegisteredResponse(artistId, request.name().strip()));
    }

    public record RightsShareRequest(@NotBlank String partyId, String name, @NotNull RightsRole role,
                                     int shareBasisPoints) {
    }

    public record TrackRequest(@NotBlank String isrc, @NotBlank @Size(max = 500) String title, long durationMs,
                               int discNumber, int trackNumber, boolean explicit, List<String> artistIds,
                               AudioFeatures audioFeatures, @NotEmpty List<String> territories,
                               @NotEmpty List<@Valid RightsShareRequest> rightsHolders) {
    }

    public record IngestReleaseRequest(@NotBlank String upc, @NotBlank @Size(max = 500) String title,
                                       @NotNull ReleaseType releaseType, @NotEmpty List<String> artistIds,
                                       String label, LocalDate releaseDate, List<String> genres, String artworkUrl,
                                       @NotEmpty @Size(max = 500) List<@Valid @NotNull TrackRequest> tracks) {
    }

    public record TrackIds(String isrc, String trackId) {
    }

    public record ReleaseIngestedResponse(String releaseId, String upc, List<TrackIds> tracks) {
    }

    @PostMapping("/releases")
    public ResponseEntity<ReleaseIngestedResponse> ingestRelease(@Valid @RequestBody IngestReleaseRequest request) {
        IngestRelease command = toCommand(request, clock.instant());
        commands.sendAndWait(command);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReleaseIngestedResponse(command.releaseId(),
                request.upc(), command.tracks().stream().map(t -> new TrackIds(t.isrc(), t.trackId())).toList()));
    }

    public record TrackChanged(String releaseId, String trackId) {
    }

    @PutMapping("/releases/{releaseId}/tracks/{trackId}")
    public TrackChanged updateTrack(@PathVariable String releaseId, @PathVariable String trackId,
                                    @Valid @RequestBody TrackRequest request) {
        TrackSpec track = toSpec(trackId, request, List.of());
        commands.sendAndWait(new UpdateTrackMetadata(releaseId, track, clock.instant()));
        return new TrackChanged(releaseId, trackId);
    }

    public record TakedownRequest(List<@NotBlank String> territories, @NotBlank @Size(max = 500) String reason) {
    }

    /** Blocks the track in the given territories, or everywhere when none are given. */
    @PostMapping("/releases/{releaseId}/tracks/{trackId}/takedown")
    public TrackChanged takeDown(@PathVariable String releaseId, @PathVariable String trackId,
                                 @Valid @RequestBody TakedownRequest request) {
        commands.sendAndWait(new TakeDownTrack(releaseId, trackId,
                request.territories() == null ? List.of() : request.territories(), request.reason(), clock.instant()));
        return new TrackChanged(releaseId, trackId);
    }

    public record RestoreRequest(List<@NotBlank String> territories) {
    }

    /** Lifts takedowns in the given territories, or all of them when none are given. */
    @PostMapping("/releases/{releaseId}/tracks/{trackId}/restore")
    public TrackChanged restore(@PathVariable String releaseId, @PathVariable String trackId,
                                @Valid @RequestBody(required = false) RestoreRequest request) {
        List<String> territories = request == null || request.territories() == null ? List.of() : request.territories();
        commands.sendAndWait(new RestoreTrack(releaseId, trackId, territories, clock.instant()));
        return new TrackChanged(releaseId, trackId);
    }

    /**
     * The command for a release request that passed validation: ids derived from UPC and ISRC, disc 0 read as
     * 1, tracks without artists credited to the release's. Bulk imports build theirs the same way.
     */
    public static IngestRelease toCommand(IngestReleaseRequest request, java.time.Instant now) {
        List<TrackSpec> tracks = request.tracks().stream()
                .map(t -> toSpec(trackId(request.upc(), t.isrc()), t, request.artistIds())).toList();
        return new IngestRelease(releaseId(request.upc()), request.upc(), request.title(), request.releaseType(),
                request.artistIds(), request.label(), request.releaseDate(), request.genres(), request.artworkUrl(),
                tracks, now);
    }

    private static TrackSpec toSpec(String trackId, TrackRequest t, List<String> releaseArtists) {
        return new TrackSpec(trackId, t.isrc(), t.title(), t.durationMs(), t.discNumber() == 0 ? 1 : t.discNumber(),
                t.trackNumber(), t.explicit(),
                t.artistIds() == null || t.artistIds().isEmpty() ? releaseArtists : t.artistIds(),
                t.audioFeatures(), t.territories(),
                t.rightsHolders().stream().map(r -> new RightsShare(r.partyId(), r.name(), r.role(),
                        r.shareBasisPoints())).toList());
    }

    /** Release ids derive from the UPC, so a redelivered release reaches the same aggregate. */
    public static String releaseId(String upc) {
        return UUID.nameUUIDFromBytes(("release:" + upc).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String trackId(String upc, String isrc) {
        return UUID.nameUUIDFromBytes(("track:" + upc + ":" + isrc).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
