package io.musicstream.events.library;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user saved a track or album, or followed an artist.
 *
 * @param changedAt      when the change counts as made: the server's time for online writes, the device's
 *                       (never later than the server's) for offline changes; later changes win conflicts
 * @param clientChangeId the device's id of an offline change, {@code null} for online writes
 */
@Revision("1")
public record ItemSavedToLibrary(
        String userId,
        LibraryItemType itemType,
        String itemId,
        Instant changedAt,
        String clientChangeId) implements LibraryEvent {
}
