package io.musicstream.command.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InputRules;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.events.catalog.ReleaseIngested;
import io.musicstream.events.catalog.ReleaseMetadataUpdated;
import io.musicstream.events.catalog.TrackAddedToRelease;
import io.musicstream.events.catalog.TrackMetadataUpdated;
import io.musicstream.events.catalog.TrackRemovedFromRelease;
import io.musicstream.events.catalog.TrackRestored;
import io.musicstream.events.catalog.TrackSpec;
import io.musicstream.events.catalog.TrackTakenDown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A release (album, single, EP, compilation) with its tracks. Its identity derives from the UPC, so
 * delivering the same release again reaches the same aggregate: identical content writes nothing, changed
 * content writes only the changes. Tracks can be taken down everywhere or per territory, and restored.
 */
@Aggregate
public class Release {

    @AggregateIdentifier
    private String releaseId;
    private ReleaseMetadata metadata;
    private final Map<String, TrackSpec> tracks = new LinkedHashMap<>();
    private final Map<String, Takedown> takedowns = new HashMap<>();

    /** Where a track is blocked: everywhere, or in these territories. */
    private record Takedown(boolean everywhere, Set<String> territories) {
        static final Takedown NONE = new Takedown(false, Set.of());

        boolean none() {
            return !everywhere && territories.isEmpty();
        }
    }

    protected Release() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IngestRelease command, ArtistDirectory artists) {
        ReleaseRules.checkInput(command);
        List<String> faults = new ArrayList<>(ReleaseRules.faults(command));
        Set<String> unknown = artists.unknownArtists(referencedArtists(command));
        if (!unknown.isEmpty()) {
            faults.add("unknown artist ids: " + String.join(", ", new TreeSet<>(unknown)));
        }
        if (!faults.isEmpty()) {
            throw new InvalidCommandException(faults);
        }
        ReleaseMetadata delivered = ReleaseMetadata.of(command);
        if (releaseId == null) {
            apply(new ReleaseIngested(command.releaseId(), command.upc(), delivered.title(), delivered.releaseType(),
                    delivered.artistIds(), delivered.label(), delivered.releaseDate(), delivered.genres(),
                    delivered.artworkUrl(), command.tracks(), command.ingestedAt()));
            return;
        }
        if (!delivered.equals(metadata)) {
            apply(new ReleaseMetadataUpdated(releaseId, delivered.title(), delivered.releaseType(),
                    delivered.artistIds(), delivered.label(), delivered.releaseDate(), delivered.genres(),
                    delivered.artworkUrl(), command.ingestedAt()));
        }
        Set<String> deliveredIds = new HashSet<>();
        for (TrackSpec track : command.tracks()) {
            deliveredIds.add(track.trackId());
            TrackSpec current = tracks.get(track.trackId());
            if (current == null) {
                apply(new TrackAddedToRelease(releaseId, track, command.ingestedAt()));
            } else if (!current.equals(track)) {
                apply(new TrackMetadataUpdated(releaseId, track, command.ingestedAt()));
            }
        }
        for (String trackId : List.copyOf(tracks.keySet())) {
            if (!deliveredIds.contains(trackId)) {
                apply(new TrackRemovedFromRelease(releaseId, trackId, command.ingestedAt()));
            }
        }
    }

    @CommandHandler
    void handle(UpdateTrackMetadata command) {
        TrackSpec track = command.track();
        if (track == null) {
            throw new InvalidCommandException(List.of("track is required"));
        }
        InputRules rules = InputRules.check().text("releaseId", command.releaseId(), InputRules.ID);
        ReleaseRules.trackInput(rules, "track", track);
        rules.orThrow();
        TrackSpec current = existing(track.trackId());
        List<String> faults = new ArrayList<>(ReleaseRules.trackFaults("track", track));
        if (!Objects.equals(current.isrc(), track.isrc())) {
            faults.add("track.isrc cannot change; a different recording is a different track");
        }
        boolean positionTaken = tracks.values().stream().anyMatch(t -> !t.trackId().equals(track.trackId())
                && t.discNumber() == track.discNumber() && t.trackNumber() == track.trackNumber());
        if (positionTaken) {
            faults.add("track disc " + track.discNumber() + " track " + track.trackNumber() + " is taken");
        }
        if (!faults.isEmpty()) {
            throw new InvalidCommandException(faults);
        }
        if (!current.equals(track)) {
            apply(new TrackMetadataUpdated(releaseId, track, command.updatedAt()));
        }
    }

    @CommandHandler
    void handle(TakeDownTrack command) {
        ReleaseRules.checkInput(command.releaseId(), command.trackId(), command.territories(), command.reason());
        existing(command.trackId());
        List<String> territories = command.territories() == null ? List.of() : command.territories();
        List<String> faults = new ArrayList<>();
        if (command.reason() == null || command.reason().isBlank()) {
            faults.add("reason is required");
        }
        if (territories.stream().anyMatch(t -> !ReleaseRules.validTerritory(t) || t.equals("WW"))) {
            faults.add("territories must be ISO 3166-1 alpha-2 codes; leave them out to take the track down everywhere");
        }
        if (!faults.isEmpty()) {
            throw new InvalidCommandException(faults);
        }
        Takedown current = takedowns.getOrDefault(command.trackId(), Takedown.NONE);
        if (current.everywhere()) {
            return;
        }
        if (territories.isEmpty()) {
            apply(new TrackTakenDown(releaseId, command.trackId(), List.of(), command.reason(), command.takenDownAt()));
            return;
        }
        List<String> added = new TreeSet<>(territories).stream().filter(t -> !current.territories().contains(t)).toList();
        if (!added.isEmpty()) {
            apply(new TrackTakenDown(releaseId, command.trackId(), added, command.reason(), command.takenDownAt()));
        }
    }

    @CommandHandler
    void handle(RestoreTrack command) {
        ReleaseRules.checkInput(command.releaseId(), command.trackId(), command.territories(), null);
        existing(command.trackId());
        List<String> territories = command.territories() == null ? List.of() : command.territories();
        if (territories.stream().anyMatch(t -> !ReleaseRules.validTerritory(t) || t.equals("WW"))) {
            throw new InvalidCommandException(List.of(
                    "territories must be ISO 3166-1 alpha-2 codes; leave them out to lift every takedown"));
        }
        Takedown current = takedowns.getOrDefault(command.trackId(), Takedown.NONE);
        if (current.none()) {
            return;
        }
        if (territories.isEmpty()) {
            apply(new TrackRestored(releaseId, command.trackId(), List.of(), command.restoredAt()));
            return;
        }
        if (current.everywhere()) {
            throw new ConflictException("track " + command.trackId()
                    + " is taken down everywhere; restore it everywhere (no territories) first");
        }
        List<String> lifted = new TreeSet<>(territories).stream().filter(current.territories()::contains).toList();
        if (!lifted.isEmpty()) {
            apply(new TrackRestored(releaseId, command.trackId(), lifted, command.restoredAt()));
        }
    }

    private TrackSpec existing(String trackId) {
        TrackSpec track = trackId == null ? null : tracks.get(trackId);
        if (track == null) {
            throw new UnknownItemException("release " + releaseId + " has no track " + trackId);
        }
        return track;
    }

    private static List<String> referencedArtists(IngestRelease command) {
        List<String> ids = new ArrayList<>();
        if (command.artistIds() != null) {
            ids.addAll(command.artistIds());
        }
        if (command.tracks() != null) {
            command.tracks().stream().filter(t -> t != null && t.artistIds() != null)
                    .forEach(t -> ids.addAll(t.artistIds()));
        }
        return ids;
    }

    @EventSourcingHandler
    void on(ReleaseIngested event) {
        releaseId = event.releaseId();
        metadata = ReleaseMetadata.of(event);
        event.tracks().forEach(t -> tracks.put(t.trackId(), t));
    }

    @EventSourcingHandler
    void on(ReleaseMetadataUpdated event) {
        metadata = ReleaseMetadata.of(event);
    }

    @EventSourcingHandler
    void on(TrackAddedToRelease event) {
        tracks.put(event.track().trackId(), event.track());
    }

    @EventSourcingHandler
    void on(TrackMetadataUpdated event) {
        tracks.put(event.track().trackId(), event.track());
    }

    @EventSourcingHandler
    void on(TrackRemovedFromRelease event) {
        tracks.remove(event.trackId());
        takedowns.remove(event.trackId());
    }

    @EventSourcingHandler
    void on(TrackTakenDown event) {
        Takedown current = takedowns.getOrDefault(event.trackId(), Takedown.NONE);
        if (event.territories().isEmpty()) {
            takedowns.put(event.trackId(), new Takedown(true, current.territories()));
        } else {
            Set<String> blocked = new HashSet<>(current.territories());
            blocked.addAll(event.territories());
            takedowns.put(event.trackId(), new Takedown(current.everywhere(), Set.copyOf(blocked)));
        }
    }

    @EventSourcingHandler
    void on(TrackRestored event) {
        if (event.territories().isEmpty()) {
            takedowns.remove(event.trackId());
            return;
        }
        Takedown current = takedowns.getOrDefault(event.trackId(), Takedown.NONE);
        Set<String> blocked = new HashSet<>(current.territories());
        event.territories().forEach(blocked::remove);
        takedowns.put(event.trackId(), new Takedown(current.everywhere(), Set.copyOf(blocked)));
    }
}
