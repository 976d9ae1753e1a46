package io.musicstream.command.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.InputRules;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.catalog.ArtistRegistered;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An artist; its aggregate identifier is {@code artist:<artistId>}, apart from every other aggregate's. */
@Aggregate
public class Artist {

    @AggregateIdentifier
    private String artistId;

    protected Artist() {
    }

    @CommandHandler
    public Artist(RegisterArtist command) {
        InputRules.check().text("artistId", command.artistId(), InputRules.ARTIST_ID)
                .text("name", command.name(), InputRules.ARTIST_NAME).orThrow();
        if (command.artistId() == null || command.artistId().isBlank()) {
            throw new InvalidCommandException(List.of("artistId must not be blank"));
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidCommandException(List.of("name must not be blank"));
        }
        apply(new ArtistRegistered(command.artistId(), command.name().strip(), command.registeredAt()));
    }

    @EventSourcingHandler
    void on(ArtistRegistered event) {
        this.artistId = RegisterArtist.AGGREGATE_PREFIX + event.artistId();
    }
}
