package io.musicstream.command.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.catalog.IngestRelease;
import io.musicstream.events.catalog.ReleaseIngested;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A release (album, single, EP, compilation) with its tracks. Its identity derives from the UPC, so
 * delivering the same release twice reaches the same aggregate: identical content writes nothing.
 */
@Aggregate
public class Release {

    @AggregateIdentifier
    private String releaseId;
    private ReleaseIngested ingested;

    protected Release() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(IngestRelease command, ArtistDirectory artists) {
        List<String> faults = new ArrayList<>(ReleaseRules.faults(command));
        Set<String> unknown = artists.unknownArtists(referencedArtists(command));
        if (!unknown.isEmpty()) {
            faults.add("unknown artist ids: " + String.join(", ", unknown.stream().sorted().toList()));
        }
        if (!faults.isEmpty()) {
            throw new InvalidCommandException(faults);
        }
        ReleaseIngested event = new ReleaseIngested(command.releaseId(), command.upc(), command.title().strip(),
                command.releaseType(), command.artistIds(), command.label(), command.releaseDate(),
                command.genres() == null ? List.of() : command.genres(), command.artworkUrl(), command.tracks(),
                command.ingestedAt());
        if (ingested == null) {
            apply(event);
        } else if (!sameContent(ingested, event)) {
            throw new ConflictException("release " + command.upc()
                    + " is already in the catalog with different content; update its tracks instead");
        }
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

    private static boolean sameContent(ReleaseIngested a, ReleaseIngested b) {
        return a.equals(new ReleaseIngested(b.releaseId(), b.upc(), b.title(), b.releaseType(), b.artistIds(),
                b.label(), b.releaseDate(), b.genres(), b.artworkUrl(), b.tracks(), a.ingestedAt()));
    }

    @EventSourcingHandler
    void on(ReleaseIngested event) {
        this.releaseId = event.releaseId();
        this.ingested = event;
    }
}
