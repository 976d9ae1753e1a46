package io.musicstream.infra.royalty;

import io.musicstream.command.royalty.PeriodFacts;
import io.musicstream.command.royalty.SettledUsages;
import io.musicstream.command.royalty.Share;
import io.musicstream.command.royalty.Usage;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import io.musicstream.projections.processors.ProcessorTokens;
import io.musicstream.projections.royalty.RoyaltyUsageProjection;
import io.musicstream.projections.royalty.RoyaltyUsages;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The statement issuer's port over the royalty usage read model and its processor's progress. */
@Component
class SettledUsagesFromReadModel implements SettledUsages {

    /** How long one attempt waits for the transactions that may hold a gap's number. */
    private static final Duration FINAL_WAIT = Duration.ofSeconds(2);

    private final RoyaltyUsages usages;
    private final ProcessorTokens tokens;
    private final JdbcClient jdbc;

    SettledUsagesFromReadModel(RoyaltyUsages usages, ProcessorTokens tokens, JdbcClient jdbc) {
        this.usages = usages;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /**
     * The usage read model has not handled every event up to an index yet: transient, so its caller's processor
     * backs off and retries (infra.processors.HandlerFailures), never dead-letters.
     */
    static final class NotHandledYet extends TransientDataAccessException {
        NotHandledYet(String message) {
            super(message);
        }
    }

    /**
     * Every segment's token of the {@code royalty} processor has passed {@code globalIndex}, with no event at or
     * below it left in a gap (a lower number committed, or still held by a running transaction), and no
     * {@code royalty} dead letter at or below it.
     */
    @Override
    public void awaitHandled(long globalIndex) {
        List<TrackingToken> segments = tokens.of(RoyaltyUsageProjection.PROCESSING_GROUP);
        if (segments.isEmpty()) {
            throw new NotHandledYet("the royalty processor has not started");
        }
        for (TrackingToken token : segments) {
            long position = ProcessorTokens.position(token);
            if (position < globalIndex) {
                throw new NotHandledYet("the royalty processor is at " + position + ", before " + globalIndex);
            }
            if (token instanceof GapAwareTrackingToken gapAware) {
                Long[] gaps = gapAware.getGaps().stream().filter(g -> g <= globalIndex).toArray(Long[]::new);
                if (gaps.length > 0) {
                    awaitFinal(gaps, globalIndex);
                }
            }
        }
        long dead = jdbc.sql("""
                        select count(*) from dead_letter_entry d
                        join domain_event_entry e on e.event_identifier = d.event_identifier
                        where d.processing_group = ? and e.global_index <= ?""")
                .params(RoyaltyUsageProjection.PROCESSING_GROUP, globalIndex).query(Long.class).single();
        if (dead > 0) {
            throw new NotHandledYet(dead + " royalty dead letters at or below " + globalIndex
                    + " wait to be retried or evicted");
        }
    }

    /**
     * The gaps are rolled-back numbers, or events the processor must still handle. A writer takes its transaction
     * id before its number, and these numbers were drawn before the close's, which has committed: a writer still
     * holding one is running now, so once every transaction running now has ended, a gap not in the table is
     * rolled back for good.
     */
    private void awaitFinal(Long[] gaps, long globalIndex) {
        Set<Long> running = runningTransactions();
        long deadline = System.nanoTime() + FINAL_WAIT.toNanos();
        while (!running.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new NotHandledYet("transactions that may hold numbers below " + globalIndex + " still run");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotHandledYet("interrupted while waiting for numbers below " + globalIndex);
            }
            running.retainAll(runningTransactions());
        }
        if (jdbc.sql("select count(*) from domain_event_entry where global_index = any(cast(? as bigint[]))")
                .param(toArray(gaps)).query(Long.class).single() > 0) {
            throw new NotHandledYet("the royalty processor has events below " + globalIndex + " to handle");
        }
    }

    /** Transaction ids of every other backend that holds one. */
    private Set<Long> runningTransactions() {
        return new HashSet<>(jdbc.sql("select backend_xid::text::bigint from pg_stat_activity"
                        + " where backend_xid is not null and pid <> pg_backend_pid()")
                .query(Long.class).list());
    }

    private static String toArray(Long[] gaps) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < gaps.length; i++) {
            text.append(i == 0 ? "" : ",").append(gaps[i]);
        }
        return text.append('}').toString();
    }

    /** Streams played before the catalog named holders (share version 0) pay nobody and are left out. */
    @Override
    public PoolUsages usages(YearMonth period, String territory, Plan tier, YearMonth settledBy) {
        List<Usage> found = new ArrayList<>();
        Map<String, Set<String>> artists = new HashMap<>();
        usages.usages(period, territory, tier.name(), settledBy, usage -> {
            List<Share> shares = new ArrayList<>(usage.shares().size());
            for (RoyaltyUsages.Share share : usage.shares()) {
                if (share.basisPoints() > 0) {
                    shares.add(new Share(share.partyId(), share.basisPoints()));
                }
            }
            if (shares.isEmpty() || usage.streams() == 0) {
                return;
            }
            found.add(new Usage(usage.userId(), usage.trackId(), usage.day(), usage.soughtOut(), usage.streams(),
                    shares));
            artists.computeIfAbsent(usage.trackId(), t -> new LinkedHashSet<>()).addAll(usage.artistIds());
        });
        Map<String, List<String>> trackArtists = new HashMap<>();
        artists.forEach((track, ids) -> trackArtists.put(track, List.copyOf(ids)));
        return new PoolUsages(found, trackArtists);
    }

    @Override
    public PeriodFacts facts(YearMonth period, YearMonth settledBy, RoyaltyRulesAdopted rules) {
        Map<String, Long> trailing = new HashMap<>();
        if (rules.minTrackStreams() > 0) {
            usages.trailingTrackStreams(period, settledBy, t -> trailing.put(t.trackId(), t.streams()));
        }
        Map<String, PeriodFacts.ArtistReach> reach = new HashMap<>();
        if (rules.model() == PayoutModel.ARTIST_CENTRIC) {
            usages.artistStreams(period, settledBy, a -> reach.put(a.artistId(),
                    new PeriodFacts.ArtistReach(a.streams(), a.listeners())));
        }
        return new PeriodFacts(trailing, Map.of(), reach);
    }

    @Override
    public List<YearMonth> settledLateIn(YearMonth period) {
        return usages.settledLateIn(period);
    }

    @Override
    public Map<String, String> isrcs(Collection<String> trackIds) {
        return usages.isrcs(trackIds);
    }
}
