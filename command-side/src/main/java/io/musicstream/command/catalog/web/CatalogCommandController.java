package io.musicstream.command.catalog.web;

import io.musicstream.command.catalog.IngestRelease;
import io.musicstream.command.catalog.RegisterArtist;
import io.musicstream.command.catalog.RestoreTrack;
import io.musicstream.command.catalog.TakeDownTrack;
import io.musicstream.command.catalog.UpdateTrackMetadata;
import io.musicstream.events.catalog.TrackSpec;
import jakarta.validation.Valid;
import java.time.Clock;
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
class CatalogCommandController {

    private final CommandGateway commands;
    private final Clock clock;

    CatalogCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/artists")
    public ResponseEntity<ArtistRegisteredResponse> registerArtist(@Valid @RequestBody RegisterArtistRequest request) {
        String artistId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterArtist(artistId, request.name(), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new ArtistRegisteredResponse(artistId, request.name().strip()));
    }

    @PostMapping("/releases")
    public ResponseEntity<ReleaseIngestedResponse> ingestRelease(@Valid @RequestBody IngestReleaseRequest request) {
        IngestRelease command = request.toCommand(clock.instant());
        commands.sendAndWait(command);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReleaseIngestedResponse(command.releaseId(),
                request.upc(), command.tracks().stream().map(t -> new TrackIds(t.isrc(), t.trackId())).toList()));
    }

    @PutMapping("/releases/{releaseId}/tracks/{trackId}")
    public TrackChanged updateTrack(@PathVariable String releaseId, @PathVariable String trackId,
                                    @Valid @RequestBody TrackRequest request) {
        TrackSpec track = request.toSpec(trackId, List.of());
        commands.sendAndWait(new UpdateTrackMetadata(releaseId, track, clock.instant()));
        return new TrackChanged(releaseId, trackId);
    }

    /** Blocks the track in the given territories, or everywhere when none are given. */
    @PostMapping("/releases/{releaseId}/tracks/{trackId}/takedown")
    public TrackChanged takeDown(@PathVariable String releaseId, @PathVariable String trackId,
                                 @Valid @RequestBody TakedownRequest request) {
        commands.sendAndWait(new TakeDownTrack(releaseId, trackId,
                request.territories() == null ? List.of() : request.territories(), request.reason(), clock.instant()));
        return new TrackChanged(releaseId, trackId);
    }

    /** Lifts takedowns in the given territories, or all of them when none are given. */
    @PostMapping("/releases/{releaseId}/tracks/{trackId}/restore")
    public TrackChanged restore(@PathVariable String releaseId, @PathVariable String trackId,
                                @Valid @RequestBody(required = false) RestoreRequest request) {
        List<String> territories = request == null || request.territories() == null ? List.of() : request.territories();
        commands.sendAndWait(new RestoreTrack(releaseId, trackId, territories, clock.instant()));
        return new TrackChanged(releaseId, trackId);
    }
}
