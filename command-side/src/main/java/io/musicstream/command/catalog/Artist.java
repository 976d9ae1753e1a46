package io.musicstream.command.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.catalog.ArtistRegistered;
import io.musicstream.events.catalog.RegisterArtist;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class Artist {

    @AggregateIdentifier
    private String artistId;

    protected Artist() {
    }

    @CommandHandler
    public Artist(RegisterArtist command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidCommandException(List.of("name must not be blank"));
        }
        apply(new ArtistRegistered(command.artistId(), command.name().strip(), command.registeredAt()));
    }

    @EventSourcingHandler
    void on(ArtistRegistered event) {
        this.artistId = event.artistId();
    }
}
