package io.musicstream.command.library;

import io.musicstream.command.library.OfflineChangeOutcome.Status;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline merge, item by item, the later change winning. A change conflicts only with server changes the
 * device had not seen (after the batch's {@code lastSeenSequence}), and then the later time wins, the server's
 * on a tie. Device clocks ahead of the server count as the server's time; a change made more than
 * {@link Library#SYNC_WINDOW} before it arrived is rejected, for the library no longer remembers what it might
 * undo. Plain functions of their arguments: the library supplies its state and applies what they decide.
 */
final class OfflineMerge {

    private OfflineMerge() {
    }

    /**
     * @param outcome what the device is answered
     * @param event   what the change writes, or {@code null} when it writes nothing
     */
    record Result(OfflineChangeOutcome outcome, LibraryEvent event) {
    }

    /**
     * Per item, the change a batch ends with, in batch order: the latest by the device's clock, the later in
     * the batch on a tie. Only these are merged; the item's earlier changes in the batch are superseded.
     */
    static List<OfflineLibraryChange> lastChangeOfEachItem(List<OfflineLibraryChange> changes) {
        Map<String, OfflineLibraryChange> last = new HashMap<>();
        for (OfflineLibraryChange change : changes) {
            last.merge(LibraryItems.key(change.itemType(), change.itemId()), change,
                    (before, next) -> next.clientTimestamp().isBefore(before.clientTimestamp()) ? before : next);
        }
        return changes.stream().filter(c -> c == last.get(LibraryItems.key(c.itemType(), c.itemId()))).toList();
    }

    /**
     * What one change does.
     *
     * @param current     the item's last change, or {@code null} when the library does not know the item
     * @param redelivered whether the library applied this very change before (see {@link ChangeIdMemory})
     * @param refusal     why the catalog refuses the item, or {@code null}; asked only for saves
     */
    static Result decide(ApplyOfflineLibraryChanges batch, OfflineLibraryChange change, ItemState current,
                         boolean redelivered, CatalogItems.Refusal refusal) {
        if (redelivered) {
            return unchanged(change, Status.APPLIED, current, null);
        }
        Instant at = change.clientTimestamp().isAfter(batch.receivedAt()) ? batch.receivedAt()
                : change.clientTimestamp();
        if (at.isBefore(batch.receivedAt().minus(Library.SYNC_WINDOW))) {
            return unchanged(change, Status.REJECTED, current, "made at " + at + ", more than "
                    + Library.SYNC_WINDOW.toDays()
                    + " days before it reached the server: sync the library and make it again");
        }
        boolean unseenServerChange = current != null && current.sequence() > batch.lastSeenSequence();
        if (unseenServerChange && !at.isAfter(current.changedAt())) {
            return unchanged(change, Status.SUPERSEDED, current, null);
        }
        boolean save = change.action() == LibraryAction.SAVE;
        if (current != null && current.saved() == save) {
            return unchanged(change, Status.APPLIED, current, null);
        }
        if (current == null && !save) {
            return unchanged(change, Status.APPLIED, null, null);
        }
        if (save && refusal != null) {
            return unchanged(change, Status.REJECTED, current, refusal.reason());
        }
        LibraryEvent event = save
                ? new ItemSavedToLibrary(batch.userId(), change.itemType(), change.itemId(), at,
                        change.clientChangeId())
                : new ItemRemovedFromLibrary(batch.userId(), change.itemType(), change.itemId(), at,
                        change.clientChangeId());
        return new Result(new OfflineChangeOutcome(change.clientChangeId(), Status.APPLIED, change.itemType(),
                change.itemId(), save, at, null), event);
    }

    /** The answer to a change that writes nothing: {@code state} is the item's state as it stays. */
    static OfflineChangeOutcome outcome(OfflineLibraryChange change, Status status, ItemState state, String reason) {
        return new OfflineChangeOutcome(change.clientChangeId(), status, change.itemType(), change.itemId(),
                state != null && state.saved(), state == null ? null : state.changedAt(), reason);
    }

    private static Result unchanged(OfflineLibraryChange change, Status status, ItemState current, String reason) {
        return new Result(outcome(change, status, current, reason), null);
    }
}
