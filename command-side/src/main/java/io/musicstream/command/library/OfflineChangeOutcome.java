package io.musicstream.command.library;

import io.musicstream.events.library.LibraryItemType;
import java.time.Instant;

/**
 * What became of one offline change.
 *
 * @param saved     the item's state after the batch: saved (followed) or not
 * @param changedAt when that state was set, {@code null} when the item was never in the library
 * @param reason    why a change was rejected, else {@code null}
 */
public record OfflineChangeOutcome(String clientChangeId, Status status, LibraryItemType itemType, String itemId,
                                   boolean saved, Instant changedAt, String reason) {

    public enum Status {
        /** The change is in effect (now, or already from an earlier delivery of the same change). */
        APPLIED,
        /**
         * A later change to the same item wins: one on the server the device had not seen, or a later one in the
         * same batch; {@code saved}/{@code changedAt} are the item's state after the batch.
         */
        SUPERSEDED,
        /** The item cannot be saved (it does not exist, or is not playable in the user's territory). */
        REJECTED
    }
}
