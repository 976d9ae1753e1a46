package io.musicstream.command.library;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.musicstream.events.library.LibraryEvent;
import java.util.LinkedHashMap;

/**
 * The last {@value #REMEMBERED_CHANGE_IDS} offline changes a library applied, by client change id, with what
 * each did, so that a redelivered change is answered without being merged again, while a different change
 * reusing an id is merged as any other. Part of the library's snapshot: its JSON property is the library's
 * {@code appliedChanges}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class ChangeIdMemory {

    /** Offline change ids remembered to answer a redelivered batch the same way. */
    static final int REMEMBERED_CHANGE_IDS = 2_000;

    /** Client change id to {@link #fingerprint}, oldest first. */
    @JsonProperty("appliedChanges")
    private LinkedHashMap<String, String> applied = new LinkedHashMap<>();

    /** Whether this very change (its id, action and item) was applied before. */
    boolean isRedelivery(OfflineLibraryChange change) {
        return fingerprint(change.action(), LibraryItems.key(change.itemType(), change.itemId()))
                .equals(applied.get(change.clientChangeId()));
    }

    /** Remembers the change an event made under its client change id; online writes carry none. */
    void remember(LibraryEvent event) {
        if (event.clientChangeId() == null) {
            return;
        }
        // removed first so that a reused id moves to the newest position
        applied.remove(event.clientChangeId());
        applied.put(event.clientChangeId(),
                fingerprint(LibraryAction.of(event), LibraryItems.key(event.itemType(), event.itemId())));
        if (applied.size() > REMEMBERED_CHANGE_IDS) {
            applied.remove(applied.keySet().iterator().next());
        }
    }

    /** What a change did, e.g. {@code SAVE:TRACK:t-1}: a reused change id is a redelivery only if it matches. */
    private static String fingerprint(LibraryAction action, String itemKey) {
        return action.name() + ':' + itemKey;
    }
}
