package io.musicstream.command.library;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.library.OfflineChangeOutcome.Status;
import io.musicstream.events.ids.LibraryIds;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryEvent;
import io.musicstream.events.library.LibraryItemType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One user's library: saved tracks and albums, followed artists. Saving what is saved, or removing what is
 * not there, writes nothing. Offline changes merge item by item, the later change winning
 * ({@link OfflineMerge}). The library remembers each item's last change ({@link LibraryItems}, removals for
 * {@link #SYNC_WINDOW}) so that an old offline change cannot undo a newer one, and its last applied offline
 * changes by client change id ({@link ChangeIdMemory}) so that a redelivered change is answered without being
 * merged again. Loaded libraries stay cached in memory, and snapshots (Jackson, from its fields) keep large
 * ones quick to load after eviction or on another node.
 */
@Aggregate(snapshotTriggerDefinition = "librarySnapshotTrigger", cache = "libraryCache")
// Snapshots of another revision are ignored (Axon's RevisionSnapshotFilter): the library is rebuilt from events.
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Library {

    /** Most item ids one save or remove may name. */
    public static final int MAX_IDS_PER_COMMAND = 50;
    /** How old an offline change may be when it arrives (the sync feed keeps changes as long). */
    static final Duration SYNC_WINDOW = Duration.ofDays(90);

    @AggregateIdentifier
    private String libraryId;
    private String userId;
    // unwrapped: the snapshot keeps revision 2's flat shape (items, forgotAt, appliedChanges)
    @JsonUnwrapped
    private LibraryItems items = new LibraryItems();
    @JsonUnwrapped
    private ChangeIdMemory changeIds = new ChangeIdMemory();

    protected Library() {
    }

    /** How many items this library remembers (saved ones and the last change of removed ones). */
    public int rememberedItems() {
        return items.size();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(SaveToLibrary command, CatalogItems catalog) {
        OnlineChangeRules.checkInput(command.userId(), command.itemIds(), command.territory());
        identify(command.userId());
        List<String> toSave = OnlineChangeRules.distinctIds(command.itemType(), command.itemIds()).stream()
                .filter(id -> !items.isSaved(command.itemType(), id)).toList();
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
        OnlineChangeRules.checkInput(command.userId(), command.itemIds(), null);
        identify(command.userId());
        int removed = 0;
        for (String id : OnlineChangeRules.distinctIds(command.itemType(), command.itemIds())) {
            if (items.isSaved(command.itemType(), id)) {
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
        List<OfflineLibraryChange> toMerge = OfflineMerge.lastChangeOfEachItem(command.changes());
        Map<LibraryItemType, Map<String, CatalogItems.Refusal>> refusals = refusalsOfSaves(toMerge, command.territory(),
                catalog);
        Map<String, OfflineChangeOutcome> merged = new HashMap<>();
        for (OfflineLibraryChange change : toMerge) {
            OfflineMerge.Result result = OfflineMerge.decide(command, change,
                    items.get(change.itemType(), change.itemId()), changeIds.isRedelivery(change),
                    refusals.getOrDefault(change.itemType(), Map.of()).get(change.itemId()));
            if (result.event() != null) {
                apply(result.event());
            }
            merged.put(change.clientChangeId(), result.outcome());
        }
        List<OfflineChangeOutcome> outcomes = new ArrayList<>();
        for (OfflineLibraryChange change : command.changes()) {
            OfflineChangeOutcome outcome = merged.get(change.clientChangeId());
            outcomes.add(outcome != null ? outcome : OfflineMerge.outcome(change, Status.SUPERSEDED,
                    items.get(change.itemType(), change.itemId()), null));
        }
        return outcomes;
    }

    /** One catalog look-up per item type, for the saves that could take effect. */
    private Map<LibraryItemType, Map<String, CatalogItems.Refusal>> refusalsOfSaves(
            List<OfflineLibraryChange> changes, String territory, CatalogItems catalog) {
        Map<LibraryItemType, Set<String>> saves = new HashMap<>();
        for (OfflineLibraryChange change : changes) {
            if (change.action() == LibraryAction.SAVE && !items.isSaved(change.itemType(), change.itemId())) {
                saves.computeIfAbsent(change.itemType(), t -> new LinkedHashSet<>()).add(change.itemId());
            }
        }
        Map<LibraryItemType, Map<String, CatalogItems.Refusal>> refusals = new HashMap<>();
        saves.forEach((type, ids) -> refusals.put(type, catalog.refusals(type, ids, territory)));
        return refusals;
    }

    @EventSourcingHandler
    void on(LibraryEvent event, @SequenceNumber long sequence) {
        identify(event.userId());
        changeIds.remember(event);
        items.changed(event, sequence);
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
}
