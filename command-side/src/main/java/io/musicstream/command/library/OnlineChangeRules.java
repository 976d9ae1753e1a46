package io.musicstream.command.library;

import io.musicstream.command.common.InputRules;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.library.LibraryItemType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** What a save or remove must name before the library looks at its items. */
final class OnlineChangeRules {

    private OnlineChangeRules() {
    }

    /**
     * What no event may carry: control characters and over-long ids (400, before the domain rules; more than
     * {@link Library#MAX_IDS_PER_COMMAND} ids are refused by them).
     *
     * @param territory the user's country, or {@code null}; checked only for saves
     */
    static void checkInput(String userId, List<String> itemIds, String territory) {
        InputRules.check().text("userId", userId, InputRules.ID)
                .texts("itemIds", boundedIds(itemIds), InputRules.ID, Library.MAX_IDS_PER_COMMAND)
                .territory("territory", territory).orThrow();
    }

    /** The ids named, each once, in the order given; every fault of the request at once. */
    static List<String> distinctIds(LibraryItemType type, List<String> ids) {
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
            if (ids.size() > Library.MAX_IDS_PER_COMMAND) {
                faults.add("at most " + Library.MAX_IDS_PER_COMMAND + " item ids per request, got " + ids.size());
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidCommandException(faults);
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** The ids whose text is checked; more than allowed are refused by the domain rule on their number. */
    private static List<String> boundedIds(List<String> ids) {
        return ids == null || ids.size() > Library.MAX_IDS_PER_COMMAND ? null : ids;
    }
}
