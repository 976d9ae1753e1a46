package io.musicstream.command.library;

import io.musicstream.events.ids.LibraryIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merges changes a device made while offline. For each item the later change wins: a change conflicts only
 * with server changes the device had not seen (after {@code lastSeenSequence}), and then the later
 * timestamp wins, the server's on a tie. Device clocks ahead of {@code receivedAt} count as
 * {@code receivedAt}.
 *
 * @param lastSeenSequence the library's aggregate sequence number the device had synced to, or -1
 * @param territory        the user's country, or {@code null}
 */
public record ApplyOfflineLibraryChanges(String userId, List<OfflineLibraryChange> changes, long lastSeenSequence,
                                         String territory, Instant receivedAt) {

    @TargetAggregateIdentifier
    public String libraryId() {
        return LibraryIds.of(userId);
    }
}
