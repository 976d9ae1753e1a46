package io.musicstream.command.library;

import io.musicstream.events.library.LibraryItemType;
import java.time.Instant;

/** One change a device made while offline, stamped with the device's clock and its own change id. */
public record OfflineLibraryChange(String clientChangeId, LibraryAction action, LibraryItemType itemType,
                                   String itemId, Instant clientTimestamp) {
}
