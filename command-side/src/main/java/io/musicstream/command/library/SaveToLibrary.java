package io.musicstream.command.library;

import io.musicstream.events.ids.LibraryIds;
import io.musicstream.events.library.LibraryItemType;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Saves items (or follows artists) now. Items already saved are left alone; all others must exist and be
 * playable in the user's territory, or nothing is saved.
 *
 * @param territory the user's country (ISO 3166-1 alpha-2), or {@code null} when the account names none
 */
public record SaveToLibrary(String userId, LibraryItemType itemType, List<String> itemIds, String territory,
                            Instant requestedAt) {

    @TargetAggregateIdentifier
    public String libraryId() {
        return LibraryIds.of(userId);
    }
}
