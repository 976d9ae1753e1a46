package io.musicstream.command.royalty;

import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The royalty usage read model as the statement issuer reads it (a port; the adapter is in infra). */
public interface SettledUsages {

    /**
     * Returns once the usage read model has handled every event up to {@code globalIndex}; otherwise throws an
     * exception its processor retries later (never one that is dead-lettered for good).
     */
    void awaitHandled(long globalIndex);

    /** The counted streams of a pool that pay someone, settled in {@code settledBy} or earlier, and their artists. */
    PoolUsages usages(YearMonth period, String territory, Plan tier, YearMonth settledBy);

    /**
     * The period-wide facts the rules need, from the streams settled in {@code settledBy} or earlier; track
     * artists are left empty (they come with each pool's usages).
     */
    PeriodFacts facts(YearMonth period, YearMonth settledBy, RoyaltyRulesAdopted rules);

    /** The earlier periods with streams settled in {@code period}: plays that came after they closed. */
    List<YearMonth> settledLateIn(YearMonth period);

    /** Each track's ISRC; tracks without one are left out. */
    Map<String, String> isrcs(Collection<String> trackIds);

    /** @param trackArtists per track of the usages, its artists */
    record PoolUsages(List<Usage> usages, Map<String, List<String>> trackArtists) {
    }
}
