package io.musicstream.infra.catalog.imports;

import io.musicstream.command.catalog.CatalogIds;
import io.musicstream.command.catalog.ArtistDirectory;
import io.musicstream.command.catalog.IngestRelease;
import io.musicstream.command.catalog.RegisterArtist;
import io.musicstream.command.catalog.web.IngestReleaseRequest;
import io.musicstream.command.catalog.web.CatalogLine;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line of an import, on a worker: parses and checks it, sends its command and counts what it did.
 * Whether a release wrote anything is told from its stream's last sequence number before and after its
 * command; an edit of the same release by someone else at that very moment could be counted as this
 * import's.
 */
final class LineCommands {

    private static final Logger log = LoggerFactory.getLogger(LineCommands.class);

    private final CommandGateway commands;
    private final EventStore events;
    private final ArtistDirectory artists;
    private final CatalogLineParser parser;
    private final Clock clock;

    LineCommands(CommandGateway commands, EventStore events, ArtistDirectory artists, CatalogLineParser parser,
                 Clock clock) {
        this.commands = commands;
        this.events = events;
        this.artists = artists;
        this.parser = parser;
        this.clock = clock;
    }

    void run(LineReader.Line line, ImportTally tally) {
        CatalogLineParser.Parsed parsed = parser.parse(line.bytes(), 0, line.length());
        if (parsed instanceof CatalogLineParser.Refused refused) {
            tally.refuse(line.number(), refused.status(), refused.upc(), refused.artistId(), refused.errors());
        } else if (((CatalogLineParser.Accepted) parsed).line() instanceof CatalogLine.Artist artist) {
            artist(line.number(), artist, tally);
        } else {
            release(line.number(), ((CatalogLine.Release) ((CatalogLineParser.Accepted) parsed).line()).release(),
                    tally);
        }
    }

    private void artist(long number, CatalogLine.Artist artist, ImportTally tally) {
        try {
            commands.sendAndWait(new RegisterArtist(artist.artistId(), artist.name(), clock.instant()));
            tally.artistRegistered();
        } catch (RuntimeException e) {
            if (FailedLine.cause(e, AggregateStreamCreationException.class) != null) {
                if (artists.unknownArtists(Set.of(artist.artistId())).isEmpty()) {
                    tally.artistUnchanged();
                } else {
                    tally.refuse(number, 409, null, artist.artistId(), List.of("artistId " + artist.artistId()
                            + " is already the id of something that is not an artist"));
                }
            } else {
                fail(number, null, artist.artistId(), e, tally);
            }
        }
    }

    private void release(long number, IngestReleaseRequest request, ImportTally tally) {
        String releaseId = CatalogIds.releaseId(request.upc());
        try {
            IngestRelease command = request.toCommand(clock.instant());
            Optional<Long> before = events.lastSequenceNumberFor(releaseId);
            commands.sendAndWait(command);
            if (before.isEmpty()) {
                tally.releaseIngested(command.tracks().size());
            } else if (before.equals(events.lastSequenceNumberFor(releaseId))) {
                tally.releaseUnchanged(command.tracks().size());
            } else {
                tally.releaseUpdated(command.tracks().size());
            }
        } catch (RuntimeException e) {
            fail(number, request.upc(), null, e, tally);
        }
    }

    private static void fail(long number, String upc, String artistId, RuntimeException e, ImportTally tally) {
        FailedLine failed = FailedLine.of(e);
        if (failed.status() == FailedLine.UNAVAILABLE) {
            log.warn("catalog import line {}: a backing service is unavailable: {}", number, e.toString());
        } else if (failed.status() == FailedLine.BUG) {
            log.error("catalog import line {} failed unexpectedly", number, e);
        }
        tally.refuse(number, failed.status(), upc, artistId, failed.errors());
    }
}
