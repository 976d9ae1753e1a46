package io.musicstream.command.royalty;

import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits one revenue pool (period x territory x tier) over its usages under the rules that decide the period
 * (docs/royalties.md): eligibility, daily cap, weights, the model's split, then each track's money over its
 * rights shares. Integers only, every rounding by largest remainder with a fixed tie-break, so the result
 * sums to the pool exactly and does not depend on the order of the usages or of a track's shares.
 */
public final class PayoutCalculator {

    private PayoutCalculator() {
    }

    /** Spreads structured hashes (ids that differ in their last digits) so that hash maps do not collide. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** A track's shares sorted by partyId, one per party: equal holdings compare equal whatever their order. */
    private static final class Holding implements Comparable<Holding> {
        final String[] parties;
        final int[] basisPoints;
        private final int hash;

        private Holding(String[] parties, int[] basisPoints) {
            this.parties = parties;
            this.basisPoints = basisPoints;
            int h = 1;
            for (int i = 0; i < parties.length; i++) {
                h = mix(h + parties[i].hashCode()) + basisPoints[i];
            }
            this.hash = mix(h);
        }

        static Holding of(List<Share> shares) {
            TreeMap<String, Integer> byParty = new TreeMap<>();
            for (Share share : shares) {
                byParty.merge(share.partyId(), share.basisPoints(), Math::addExact);
            }
            return new Holding(byParty.keySet().toArray(String[]::new),
                    byParty.values().stream().mapToInt(Integer::intValue).toArray());
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Holding h && hash == h.hash && Arrays.equals(parties, h.parties)
                    && Arrays.equals(basisPoints, h.basisPoints);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public int compareTo(Holding o) {
            for (int i = 0; i < Math.min(parties.length, o.parties.length); i++) {
                int c = parties[i].compareTo(o.parties[i]);
                if (c == 0) {
                    c = Integer.compare(basisPoints[i], o.basisPoints[i]);
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(parties.length, o.parties.length);
        }
    }

    /** Where money goes: a track under one share list. One instance per distinct group (interned). */
    private static final class Group implements Comparable<Group> {
        final String trackId;
        final Holding holding;
        private final int hash;
        /** Position in the tie-break order among the groups with streams left. */
        int index = -1;

        Group(String trackId, Holding holding) {
            this.trackId = trackId;
            this.holding = holding;
            this.hash = mix(mix(trackId.hashCode()) + holding.hash);
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Group g && hash == g.hash && trackId.equals(g.trackId)
                    && holding.equals(g.holding);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public int compareTo(Group o) {
            int c = trackId.compareTo(o.trackId);
            return c != 0 ? c : holding.compareTo(o.holding);
        }
    }

    /** The streams of one user, day, group and sought-out flag, summed over the usages naming them. */
    private static final class Entry {
        final String userId;
        final Group group;
        final boolean soughtOut;
        long streams;
        long capped;

        Entry(String userId, Group group, boolean soughtOut) {
            this.userId = userId;
            this.group = group;
            this.soughtOut = soughtOut;
        }
    }

    private static final Comparator<Entry> WITHIN_USER_DAY = Comparator.<Entry, Group>comparing(e -> e.group)
            .thenComparing(e -> e.soughtOut);
    private static final Comparator<Entry> BY_USER_THEN_GROUP = Comparator.<Entry, String>comparing(e -> e.userId)
            .thenComparingInt(e -> e.group.index);

    private record UserDay(String userId, LocalDate day) {
        @Override
        public int hashCode() {
            return mix(mix(userId.hashCode()) + day.hashCode());
        }
    }

    public static PoolPayout split(long poolMinor, RoyaltyRulesAdopted rules, Collection<Usage> usages,
                                   PeriodFacts facts) {
        if (poolMinor < 0) {
            throw new IllegalArgumentException("a pool is not negative: " + poolMinor);
        }
        Collection<List<Entry>> userDays = eligible(rules, usages, facts);
        List<Entry> entries = cap(rules.userDailyCap(), userDays);

        List<Entry> paid = new ArrayList<>(entries.size());
        List<Group> groups = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.capped > 0) {
                paid.add(entry);
                if (entry.group.index == -1) {
                    entry.group.index = 0;
                    groups.add(entry.group);
                }
            }
        }
        if (groups.isEmpty()) {
            return new PoolPayout(poolMinor, List.of(), poolMinor);
        }
        groups.sort(Comparator.naturalOrder());
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).index = i;
        }
        long[] streams = new long[groups.size()];
        long[] weights = new long[groups.size()];
        for (Entry entry : paid) {
            streams[entry.group.index] = Math.addExact(streams[entry.group.index], entry.capped);
            weights[entry.group.index] = Math.addExact(weights[entry.group.index], weight(rules, facts, entry));
        }

        long[] amounts = rules.model() == PayoutModel.USER_CENTRIC
                ? userCentric(poolMinor, paid, groups.size(), rules, facts)
                : LargestRemainder.split(poolMinor, weights);
        return new PoolPayout(poolMinor, lines(groups, streams, amounts), 0);
    }

    /**
     * Step 1: usages of tracks with fewer trailing streams than the rules ask leave the pool. The rest are
     * summed per user-day, group and sought-out flag; a user-day holds few entries (a counted stream lasts).
     */
    private static Collection<List<Entry>> eligible(RoyaltyRulesAdopted rules, Collection<Usage> usages,
                                                    PeriodFacts facts) {
        Map<List<Share>, Holding> sameList = new IdentityHashMap<>();
        Map<List<Share>, Holding> equalList = new HashMap<>();
        Map<Holding, Holding> holdings = new HashMap<>();
        Map<Group, Group> groups = new HashMap<>();
        Map<UserDay, List<Entry>> userDays = new HashMap<>();
        for (Usage usage : usages) {
            if (rules.minTrackStreams() > 0
                    && facts.trailingStreams().getOrDefault(usage.trackId(), 0L) < rules.minTrackStreams()) {
                continue;
            }
            Holding holding = sameList.computeIfAbsent(usage.shares(), shares -> equalList.computeIfAbsent(shares,
                    s -> holdings.computeIfAbsent(Holding.of(s), h -> h)));
            Group group = groups.computeIfAbsent(new Group(usage.trackId(), holding), g -> g);
            List<Entry> userDay = userDays.computeIfAbsent(new UserDay(usage.userId(), usage.day()),
                    k -> new ArrayList<>(4));
            Entry entry = null;
            for (Entry candidate : userDay) {
                if (candidate.group == group && candidate.soughtOut == usage.soughtOut()) {
                    entry = candidate;
                    break;
                }
            }
            if (entry == null) {
                entry = new Entry(usage.userId(), group, usage.soughtOut());
                userDay.add(entry);
            }
            entry.streams = Math.addExact(entry.streams, usage.streams());
        }
        return userDays.values();
    }

    /** Step 2: a user-day over the cap keeps the cap, apportioned over its usages by their streams. */
    private static List<Entry> cap(int cap, Collection<List<Entry>> userDays) {
        List<Entry> entries = new ArrayList<>();
        for (List<Entry> userDay : userDays) {
            long total = 0;
            for (Entry entry : userDay) {
                entry.capped = entry.streams;
                total = Math.addExact(total, entry.streams);
                entries.add(entry);
            }
            if (cap > 0 && total > cap) {
                userDay.sort(WITHIN_USER_DAY);
                long[] kept = LargestRemainder.split(cap, userDay.stream().mapToLong(e -> e.streams).toArray());
                for (int i = 0; i < kept.length; i++) {
                    userDay.get(i).capped = kept[i];
                }
            }
        }
        return entries;
    }

    /** Step 3: streams, weighted under ARTIST_CENTRIC for established artists and for streams sought out. */
    private static long weight(RoyaltyRulesAdopted rules, PeriodFacts facts, Entry entry) {
        long weight = entry.capped;
        if (rules.model() != PayoutModel.ARTIST_CENTRIC) {
            return weight;
        }
        if (established(rules, facts, entry.group.trackId)) {
            weight = Math.multiplyExact(weight, rules.artistWeight());
        }
        if (entry.soughtOut) {
            weight = Math.multiplyExact(weight, rules.soughtOutWeight());
        }
        return weight;
    }

    private static boolean established(RoyaltyRulesAdopted rules, PeriodFacts facts, String trackId) {
        for (String artistId : facts.trackArtists().getOrDefault(trackId, List.of())) {
            PeriodFacts.ArtistReach reach = facts.artistReach().get(artistId);
            if (reach != null && reach.streams() >= rules.artistMinStreams()
                    && reach.listeners() >= rules.artistMinListeners()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Step 4, USER_CENTRIC: the pool equally over the users with streams left (ties by userId), then each
     * user's part over that user's groups by weight (ties by trackId, then shares).
     */
    private static long[] userCentric(long amount, List<Entry> paid, int groupCount, RoyaltyRulesAdopted rules,
                                      PeriodFacts facts) {
        List<Entry> sorted = new ArrayList<>(paid);
        sorted.sort(BY_USER_THEN_GROUP);
        int users = 1;
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).userId.equals(sorted.get(i - 1).userId)) {
                users++;
            }
        }
        long[] equal = new long[users];
        Arrays.fill(equal, 1);
        long[] userParts = LargestRemainder.split(amount, equal);
        long[] amounts = new long[groupCount];
        int user = 0;
        for (int from = 0; from < sorted.size(); user++) {
            int to = from;
            List<Group> userGroups = new ArrayList<>();
            List<Long> userWeights = new ArrayList<>();
            while (to < sorted.size() && sorted.get(to).userId.equals(sorted.get(from).userId)) {
                Entry entry = sorted.get(to++);
                long weight = weight(rules, facts, entry);
                int last = userGroups.size() - 1;
                if (last >= 0 && userGroups.get(last) == entry.group) {
                    userWeights.set(last, Math.addExact(userWeights.get(last), weight));
                } else {
                    userGroups.add(entry.group);
                    userWeights.add(weight);
                }
            }
            long[] parts = LargestRemainder.split(userParts[user],
                    userWeights.stream().mapToLong(Long::longValue).toArray());
            for (int g = 0; g < parts.length; g++) {
                amounts[userGroups.get(g).index] += parts[g];
            }
            from = to;
        }
        return amounts;
    }

    /** Step 5: each group's amount over its shares by basis points (ties by partyId), merged per track and party. */
    private static List<PayoutLine> lines(List<Group> groups, long[] streams, long[] amounts) {
        List<PayoutLine> lines = new ArrayList<>(groups.size());
        TreeMap<String, long[]> track = new TreeMap<>();
        for (int i = 0; i < groups.size(); i++) {
            Holding holding = groups.get(i).holding;
            long[] weights = new long[holding.parties.length];
            for (int p = 0; p < weights.length; p++) {
                weights[p] = holding.basisPoints[p];
            }
            long[] parts = LargestRemainder.split(amounts[i], weights);
            for (int p = 0; p < parts.length; p++) {
                long[] line = track.computeIfAbsent(holding.parties[p], k -> new long[2]);
                line[0] += streams[i];
                line[1] += parts[p];
            }
            if (i + 1 == groups.size() || !groups.get(i + 1).trackId.equals(groups.get(i).trackId)) {
                String trackId = groups.get(i).trackId;
                track.forEach((partyId, line) -> lines.add(new PayoutLine(trackId, partyId, line[0], line[1])));
                track.clear();
            }
        }
        return lines;
    }
}
