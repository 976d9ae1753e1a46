package io.musicstream.events.library;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user removed a track or album from the library, or unfollowed an artist.
 *
 * @param changedAt      when the change counts as made (see {@link ItemSavedToLibrary#changedAt()})
 * @param clientChangeId the device's id of an offline change, {@code null} for online writes
 */
@Revision("1")
public record ItemRemovedFromLibrary(
        String userId,
        LibraryItemType itemType,
        String itemId,
        Instant changedAt,
        String clientChangeId) implements LibraryEvent {
}
