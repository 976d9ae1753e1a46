package io.musicstream.command.library;

import io.musicstream.events.ids.LibraryIds;
import io.musicstream.events.library.LibraryItemType;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes items (or unfollows artists) now. Items not in the library are left alone. */
public record RemoveFromLibrary(String userId, LibraryItemType itemType, List<String> itemIds,
                                Instant requestedAt) {

    @TargetAggregateIdentifier
    public String libraryId() {
        return LibraryIds.of(userId);
    }
}
