package io.musicstream.command.library;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import io.musicstream.command.common.InputRules;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.library.OfflineChangeOutcome.Status;
import io.musicstream.events.ids.LibraryIds;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One user's library: saved tracks and albums, followed artists. Saving what is saved, or removing what is
 * not there, writes nothing. Offline changes merge item by item, the later change winning. The library
 * remembers each item's last change (removals for {@link #SYNC_WINDOW}) so that an old offline change cannot
 * undo a newer one; offline changes older than that window are rejected. It also remembers what its last
 * {@link #REMEMBERED_CHANGE_IDS} applied offline changes were, by client change id, so a redelivered change is
 * answered without being merged again, while a different change reusing an id is merged as any other.
 * Loaded libraries stay cached in memory, and snapshots (Jackson, from its fields) keep large ones quick to
 * load after eviction or on another node.
 */
@Aggregate(snapshotTriggerDefinition = "librarySnapshotTrigger", cache = "libraryCache")
// Snapshots of another revision are ignored (Axon's RevisionSnapshotFilter): the library is rebuilt from events.
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Library {

    /** Offline change ids remembered to answer a redelivered batch the same way. */
    static final int REMEMBERED_CHANGE_IDS = 2_000;
    /** Most item ids one save or remove may name. */
    public static final int MAX_IDS_PER_COMMAND = 50;
    /**
     * How old an offline change may be when it arrives (the sync feed keeps changes as long). Removals older
     * than this are forgotten: every change that can still be accepted is later than they are, so they decide
     * nothing, and the library's memory stays bounded by what is saved and what changed recently.
     */
    static final Duration SYNC_WINDOW = Duration.ofDays(90);
    private static final Duration FORGET_EVERY = Duration.ofDays(1);

    @AggregateIdentifier
    private String libraryId;
    private String userId;
    private Map<String, ItemState> items = new HashMap<>();
    /** Applied offline changes, client change id to {@link #fingerprint}, oldest first. */
    private LinkedHashMap<String, String> appliedChanges = new LinkedHashMap<>();
    /** The event time at which old removals were last forgotten. */
    private Instant forgotAt;

    /**
     * An item's last change.
     *
     * @param sequence the aggregate sequence number of the event that made it
     */
    record ItemState(boolean saved, Instant changedAt, long sequence) {
    }

    protected Library() {
    }

    /** How many items this library remembers (saved ones and the last change of removed ones). */
    public int rememberedItems() {
        return items.size();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(SaveToLibrary command, CatalogItems catalog) {
        InputRules.check().text("userId", command.userId(), InputRules.ID)
                .texts("itemIds", boundedIds(command.itemIds()), InputRules.ID, MAX_IDS_PER_COMMAND)
                .territory("territory", command.territory()).orThrow();
        identify(command.userId());
        List<String> ids = distinctIds(command.itemType(), command.itemIds());
        List<String> toSave = ids.stream().filter(id -> !isSaved(command.itemType(), id)).toList();
        if (toSave.isEmpty()) {
            return 0;
        }
        Map<String, CatalogItems.Refusal> refusals = catalog.refusals(command.itemType(), toSave, command.territory());
        if (!refusals.isEmpty()) {
            List<String> reasons = toSave.stream().filter(refusals::containsKey).map(id -> refusals.get(id).reason())
                    .toList();
            if (refusals.values().stream().allMatch(CatalogItems.Refusal::unknown)) {
                throw new UnknownItemException(String.join("; ", reasons));
            }
            throw new InvalidCommandException(reasons);
        }
        for (String id : toSave) {
            apply(new ItemSavedToLibrary(command.userId(), command.itemType(), id, command.requestedAt(), null));
        }
        return toSave.size();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(RemoveFromLibrary command) {
        InputRules.check().text("userId", command.userId(), InputRules.ID)
                .texts("itemIds", boundedIds(command.itemIds()), InputRules.ID, MAX_IDS_PER_COMMAND).orThrow();
        identify(command.userId());
        int removed = 0;
        for (String id : distinctIds(command.itemType(), command.itemIds())) {
            if (isSaved(command.itemType(), id)) {
                apply(new ItemRemovedFromLibrary(command.userId(), command.itemType(), id, command.requestedAt(),
                        null));
                removed++;
            }
        }
        return removed;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<OfflineChangeOutcome> handle(ApplyOfflineLibraryChanges command, CatalogItems catalog) {
        OfflineChangeRules.checkInput(command);
        identify(command.userId());
        List<String> faults = OfflineChangeRules.faults(command);
        if (!faults.isEmpty()) {
            throw new InvalidCommandException(faults);
        }
        Map<String, OfflineLibraryChange> lastChanges = lastChangeOfEachItem(command.changes());
        List<OfflineLibraryChange> toMerge = command.changes().stream()
                .filter(change -> change == lastChanges.get(key(change.itemType(), change.itemId()))).toList();
        Map<LibraryItemType, Map<String, CatalogItems.Refusal>> refusals = refusalsOfSaves(toMerge, command.territory(),
                catalog);
        Map<String, OfflineChangeOutcome> merged = new HashMap<>();
        for (OfflineLibraryChange change : toMerge) {
            merged.put(change.clientChangeId(),
                    merge(command, change, refusals.getOrDefault(change.itemType(), Map.of())));
        }
        List<OfflineChangeOutcome> outcomes = new ArrayList<>();
        for (OfflineLibraryChange change : command.changes()) {
            OfflineChangeOutcome outcome = merged.get(change.clientChangeId());
            outcomes.add(outcome != null ? outcome
                    : outcome(change, Status.SUPERSEDED, items.get(key(change.itemType(), change.itemId())), null));
        }
        return outcomes;
    }

    /**
     * Per item, the change a batch ends with: the latest by the device's clock, the later in the batch on a
     * tie. Only it is merged; the item's earlier changes in the batch are superseded by it.
     */
    private static Map<String, OfflineLibraryChange> lastChangeOfEachItem(List<OfflineLibraryChange> changes) {
        Map<String, OfflineLibraryChange> last = new HashMap<>();
        for (OfflineLibraryChange change : changes) {
            last.merge(key(change.itemType(), change.itemId()), change,
                    (before, next) -> next.clientTimestamp().isBefore(before.clientTimestamp()) ? before : next);
        }
        return last;
    }

    private OfflineChangeOutcome merge(ApplyOfflineLibraryChanges command, OfflineLibraryChange change,
                                       Map<String, CatalogItems.Refusal> refusals) {
        boolean wantSaved = change.action() == LibraryAction.SAVE;
        ItemState current = items.get(key(change.itemType(), change.itemId()));
        if (fingerprint(change.action(), change.itemType(), change.itemId())
                .equals(appliedChanges.get(change.clientChangeId()))) {
            return outcome(change, Status.APPLIED, current, null);
        }
        Instant at = change.clientTimestamp().isAfter(command.receivedAt())
                ? command.receivedAt() : change.clientTimestamp();
        if (at.isBefore(command.receivedAt().minus(SYNC_WINDOW))) {
            return outcome(change, Status.REJECTED, current, "made at " + at + ", more than "
                    + SYNC_WINDOW.toDays() + " days before it reached the server: sync the library and make it again");
        }
        boolean unseenServerChange = current != null && current.sequence() > command.lastSeenSequence();
        if (unseenServerChange && !at.isAfter(current.changedAt())) {
            return outcome(change, Status.SUPERSEDED, current, null);
        }
        if (current != null && current.saved() == wantSaved) {
            return outcome(change, Status.APPLIED, current, null);
        }
        if (current == null && !wantSaved) {
            return outcome(change, Status.APPLIED, null, null);
        }
        if (wantSaved && refusals.containsKey(change.itemId())) {
            return outcome(change, Status.REJECTED, current, refusals.get(change.itemId()).reason());
        }
        if (wantSaved) {
            apply(new ItemSavedToLibrary(command.userId(), change.itemType(), change.itemId(), at,
                    change.clientChangeId()));
        } else {
            apply(new ItemRemovedFromLibrary(command.userId(), change.itemType(), change.itemId(), at,
                    change.clientChangeId()));
        }
        return outcome(change, Status.APPLIED, items.get(key(change.itemType(), change.itemId())), null);
    }

    /** One catalog look-up per item type, for the saves that could take effect. */
    private Map<LibraryItemType, Map<String, CatalogItems.Refusal>> refusalsOfSaves(
            List<OfflineLibraryChange> changes, String territory, CatalogItems catalog) {
        Map<LibraryItemType, Set<String>> saves = new HashMap<>();
        for (OfflineLibraryChange change : changes) {
            if (change.action() == LibraryAction.SAVE && !isSaved(change.itemType(), change.itemId())) {
                saves.computeIfAbsent(change.itemType(), t -> new LinkedHashSet<>()).add(change.itemId());
            }
        }
        Map<LibraryItemType, Map<String, CatalogItems.Refusal>> refusals = new HashMap<>();
        saves.forEach((type, ids) -> refusals.put(type, catalog.refusals(type, ids, territory)));
        return refusals;
    }

    private static OfflineChangeOutcome outcome(OfflineLibraryChange change, Status status, ItemState state,
                                                String reason) {
        return new OfflineChangeOutcome(change.clientChangeId(), status, change.itemType(), change.itemId(),
                state != null && state.saved(), state == null ? null : state.changedAt(), reason);
    }

    private boolean isSaved(LibraryItemType type, String id) {
        ItemState state = items.get(key(type, id));
        return state != null && state.saved();
    }

    private static List<String> distinctIds(LibraryItemType type, List<String> ids) {
        List<String> faults = new ArrayList<>();
        if (type == null) {
            faults.add("itemType is required");
        }
        if (ids == null || ids.isEmpty()) {
            faults.add("at least one item id is required");
        } else {
            if (ids.stream().anyMatch(id -> id == null || id.isBlank())) {
                faults.add("item ids must not be blank");
            }
            if (ids.size() > MAX_IDS_PER_COMMAND) {
                faults.add("at most " + MAX_IDS_PER_COMMAND + " item ids per request, got " + ids.size());
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidCommandException(faults);
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** The ids whose text is checked; more than allowed are refused by the domain rule on their number. */
    private static List<String> boundedIds(List<String> ids) {
        return ids == null || ids.size() > MAX_IDS_PER_COMMAND ? null : ids;
    }

    private static String key(LibraryItemType type, String id) {
        return type.name() + ':' + id;
    }

    /** What an offline change did, e.g. {@code SAVE:TRACK:t-1}: a reused change id is a replay only if it matches. */
    private static String fingerprint(LibraryAction action, LibraryItemType type, String id) {
        return action.name() + ':' + key(type, id);
    }

    @EventSourcingHandler
    void on(ItemSavedToLibrary event, @SequenceNumber long sequence) {
        changed(event.userId(), event.clientChangeId(), LibraryAction.SAVE, event.itemType(), event.itemId());
        items.put(key(event.itemType(), event.itemId()), new ItemState(true, event.changedAt(), sequence));
        forgetOldRemovals(event.changedAt());
    }

    @EventSourcingHandler
    void on(ItemRemovedFromLibrary event, @SequenceNumber long sequence) {
        changed(event.userId(), event.clientChangeId(), LibraryAction.REMOVE, event.itemType(), event.itemId());
        items.put(key(event.itemType(), event.itemId()), new ItemState(false, event.changedAt(), sequence));
        forgetOldRemovals(event.changedAt());
    }

    /** At most once a day of event time: drops removals made before the sync window of {@code now}. */
    private void forgetOldRemovals(Instant now) {
        if (forgotAt != null && now.isBefore(forgotAt.plus(FORGET_EVERY))) {
            return;
        }
        forgotAt = now;
        Instant horizon = now.minus(SYNC_WINDOW);
        items.values().removeIf(state -> !state.saved() && state.changedAt().isBefore(horizon));
    }

    /**
     * A library that has no events yet still has its identity, also when a command changes nothing: the
     * repository caches it by that identity.
     */
    private void identify(String user) {
        if (libraryId == null) {
            userId = user;
            libraryId = LibraryIds.of(user);
        }
    }

    private void changed(String user, String clientChangeId, LibraryAction action, LibraryItemType type,
                         String itemId) {
        identify(user);
        if (clientChangeId != null) {
            // removed first so that a reused id moves to the newest position
            appliedChanges.remove(clientChangeId);
            appliedChanges.put(clientChangeId, fingerprint(action, type, itemId));
            if (appliedChanges.size() > REMEMBERED_CHANGE_IDS) {
                appliedChanges.remove(appliedChanges.keySet().iterator().next());
            }
        }
    }
}
