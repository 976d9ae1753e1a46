package io.musicstream.command.royalty;

import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every version of the royalty rules, version 1 first; each is in force from its start to the next's. */
public record RoyaltyRuleHistory(List<RoyaltyRulesAdopted> versions) {

    public RoyaltyRuleHistory {
        List<RoyaltyRulesAdopted> all = new ArrayList<>(versions);
        all.removeIf(v -> v.version() == RoyaltyRulesAdopted.VERSION_1.version());
        all.add(RoyaltyRulesAdopted.VERSION_1);
        all.sort(Comparator.comparingInt(RoyaltyRulesAdopted::version));
        versions = List.copyOf(all);
    }

    /** Only version 1. */
    public static RoyaltyRuleHistory initial() {
        return new RoyaltyRuleHistory(List.of());
    }

    public RoyaltyRuleHistory with(RoyaltyRulesAdopted adopted) {
        List<RoyaltyRulesAdopted> all = new ArrayList<>(versions);
        all.removeIf(v -> v.version() == adopted.version());
        all.add(adopted);
        return new RoyaltyRuleHistory(all);
    }

    /** The rules in force at {@code at}: the latest version that started at or before it. */
    public RoyaltyRulesAdopted inForceAt(Instant at) {
        RoyaltyRulesAdopted inForce = versions.get(0);
        for (RoyaltyRulesAdopted version : versions) {
            if (!version.effectiveFrom().isAfter(at)) {
                inForce = version;
            }
        }
        return inForce;
    }

    /**
     * The rules that decide {@code period}: those in force at its last instant, so a version that starts on the
     * first instant of the next month decides that month, not this one.
     */
    public RoyaltyRulesAdopted decide(YearMonth period) {
        return inForceAt(period.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1));
    }
}
