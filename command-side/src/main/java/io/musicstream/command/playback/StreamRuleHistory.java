package io.musicstream.command.playback;

import io.musicstream.events.playback.StreamRulesAdopted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every version of the stream rules, version 1 first; each is in force from its start to the next's. */
public record StreamRuleHistory(List<StreamRulesAdopted> versions) {

    public StreamRuleHistory {
        List<StreamRulesAdopted> all = new ArrayList<>(versions);
        all.removeIf(v -> v.version() == StreamRulesAdopted.VERSION_1.version());
        all.add(StreamRulesAdopted.VERSION_1);
        all.sort(Comparator.comparingInt(StreamRulesAdopted::version));
        versions = List.copyOf(all);
    }

    /** Only version 1. */
    public static StreamRuleHistory initial() {
        return new StreamRuleHistory(List.of());
    }

    public StreamRuleHistory with(StreamRulesAdopted adopted) {
        List<StreamRulesAdopted> all = new ArrayList<>(versions);
        all.removeIf(v -> v.version() == adopted.version());
        all.add(adopted);
        return new StreamRuleHistory(all);
    }

    /** The rules in force at {@code at}: the latest version that started at or before it. */
    public StreamRulesAdopted inForceAt(Instant at) {
        StreamRulesAdopted inForce = versions.get(0);
        for (StreamRulesAdopted version : versions) {
            if (!version.effectiveFrom().isAfter(at)) {
                inForce = version;
            }
        }
        return inForce;
    }
}
