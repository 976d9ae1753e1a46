package io.musicstream.command.library;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryEvent;
import io.musicstream.events.library.LibraryItemType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The items of a library: each one's last change, saved or removed. Removals older than
 * {@link Library#SYNC_WINDOW} are forgotten: every change that can still be accepted is later than they are,
 * so they decide nothing, and the memory stays bounded by what is saved and what changed recently.
 * Part of the library's snapshot: its JSON properties are the library's {@code items} and {@code forgotAt}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class LibraryItems {

    private static final Duration FORGET_EVERY = Duration.ofDays(1);

    /** By {@link #key}. */
    @JsonProperty("items")
    private Map<String, ItemState> lastChanges = new HashMap<>();
    /** The event time at which old removals were last forgotten. */
    private Instant forgotAt;

    /** The item's last change, or {@code null} when the library never had it (or forgot its removal). */
    ItemState get(LibraryItemType type, String id) {
        return lastChanges.get(key(type, id));
    }

    boolean isSaved(LibraryItemType type, String id) {
        ItemState state = get(type, id);
        return state != null && state.saved();
    }

    /** How many items are remembered: saved ones and the last change of removed ones. */
    int size() {
        return lastChanges.size();
    }

    void changed(LibraryEvent event, long sequence) {
        lastChanges.put(key(event.itemType(), event.itemId()),
                new ItemState(event instanceof ItemSavedToLibrary, event.changedAt(), sequence));
        forgetOldRemovals(event.changedAt());
    }

    /** At most once a day of event time: drops removals made before the sync window of {@code now}. */
    private void forgetOldRemovals(Instant now) {
        if (forgotAt != null && now.isBefore(forgotAt.plus(FORGET_EVERY))) {
            return;
        }
        forgotAt = now;
        Instant horizon = now.minus(Library.SYNC_WINDOW);
        lastChanges.values().removeIf(state -> !state.saved() && state.changedAt().isBefore(horizon));
    }

    /** A track and an album may share an id, so the key carries the type. */
    static String key(LibraryItemType type, String id) {
        return type.name() + ':' + id;
    }
}
