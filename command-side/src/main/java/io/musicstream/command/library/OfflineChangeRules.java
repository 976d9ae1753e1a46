package io.musicstream.command.library;

import io.musicstream.command.common.InputRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The shape an offline batch must have before any of it is merged. */
final class OfflineChangeRules {

    static final int MAX_CHANGES = 1_000;

    private OfflineChangeRules() {
    }

    /**
     * What no event may carry: control characters and over-long ids (400, before the domain rules; a batch
     * over {@link #MAX_CHANGES} is refused by them).
     */
    static void checkInput(ApplyOfflineLibraryChanges command) {
        InputRules rules = InputRules.check().text("userId", command.userId(), InputRules.ID)
                .territory("territory", command.territory());
        if (command.changes() != null && command.changes().size() <= MAX_CHANGES) {
            for (int i = 0; i < command.changes().size(); i++) {
                OfflineLibraryChange change = command.changes().get(i);
                if (change != null) {
                    rules.text("changes[" + i + "].clientChangeId", change.clientChangeId(), InputRules.ID)
                            .text("changes[" + i + "].itemId", change.itemId(), InputRules.ID);
                }
            }
        }
        rules.orThrow();
    }

    static List<String> faults(ApplyOfflineLibraryChanges command) {
        List<String> faults = new ArrayList<>();
        List<OfflineLibraryChange> changes = command.changes();
        if (changes == null || changes.isEmpty()) {
            return List.of("changes must hold at least one change");
        }
        if (changes.size() > MAX_CHANGES) {
            return List.of("changes holds " + changes.size() + " changes; at most " + MAX_CHANGES + " per batch");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            OfflineLibraryChange change = changes.get(i);
            String at = "changes[" + i + "]";
            if (change == null) {
                faults.add(at + " is null");
                continue;
            }
            if (change.clientChangeId() == null || change.clientChangeId().isBlank()) {
                faults.add(at + ".clientChangeId is required");
            } else if (!ids.add(change.clientChangeId())) {
                faults.add(at + ".clientChangeId " + change.clientChangeId() + " appears twice");
            }
            if (change.action() == null) {
                faults.add(at + ".action is required");
            }
            if (change.itemType() == null) {
                faults.add(at + ".itemType is required");
            }
            if (change.itemId() == null || change.itemId().isBlank()) {
                faults.add(at + ".itemId is required");
            }
            if (change.clientTimestamp() == null) {
                faults.add(at + ".clientTimestamp is required");
            }
        }
        return faults;
    }
}
