package io.musicstream.command.royalty;

import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payout rules restated plainly, with maps and records and no attention to speed: the property test
 * holds {@link PayoutCalculator} to the same answers.
 */
final class PlainPayout {

    private PlainPayout() {
    }

    /** A track's shares sorted by partyId, one per party: equal holdings compare equal whatever their order. */
    private record Holding(String[] parties, int[] basisPoints) implements Comparable<Holding> {

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
            return o instanceof Holding h && Arrays.equals(parties, h.parties)
                    && Arrays.equals(basisPoints, h.basisPoints);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(parties) + Arrays.hashCode(basisPoints);
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

    /** Where money goes: a track under one share list. */
    private record Group(String trackId, Holding holding) implements Comparable<Group> {
        @Override
        public int compareTo(Group o) {
            int c = trackId.compareTo(o.trackId);
            return c != 0 ? c : holding.compareTo(o.holding);
        }
    }

    private record Entry(String userId, LocalDate day, Group group, boolean soughtOut) {
    }

    private static final Comparator<Entry> WITHIN_USER_DAY = Comparator.comparing(Entry::group)
            .thenComparing(Entry::soughtOut);

    private record UserDay(String userId, LocalDate day) {
    }

    private record LineKey(String trackId, String partyId) implements Comparable<LineKey> {
        @Override
        public int compareTo(LineKey o) {
            int c = trackId.compareTo(o.trackId);
            return c != 0 ? c : partyId.compareTo(o.partyId);
        }
    }

    static PoolPayout split(long poolMinor, RoyaltyRulesAdopted rules, Collection<Usage> usages,
                                   PeriodFacts facts) {
        if (poolMinor < 0) {
            throw new IllegalArgumentException("a pool is not negative: " + poolMinor);
        }
        Map<Entry, Long> eligible = eligible(rules, usages, facts);
        Map<Entry, Long> capped = capped(rules.userDailyCap(), eligible);

        Map<Group, Long> groupStreams = new HashMap<>();
        Map<Group, Long> groupWeights = new HashMap<>();
        Map<String, Map<Group, Long>> userWeights = new HashMap<>();
        capped.forEach((entry, streams) -> {
            if (streams == 0) {
                return;
            }
            long weight = weight(rules, facts, entry, streams);
            groupStreams.merge(entry.group(), streams, Math::addExact);
            groupWeights.merge(entry.group(), weight, Math::addExact);
            userWeights.computeIfAbsent(entry.userId(), u -> new HashMap<>())
                    .merge(entry.group(), weight, Math::addExact);
        });
        if (groupWeights.isEmpty()) {
            return new PoolPayout(poolMinor, List.of(), poolMinor);
        }

        Map<Group, Long> groupAmounts = rules.model() == PayoutModel.USER_CENTRIC
                ? userCentric(poolMinor, userWeights)
                : byWeight(poolMinor, groupWeights);

        TreeMap<LineKey, long[]> lines = new TreeMap<>();
        groupStreams.forEach((group, streams) -> {
            Holding holding = group.holding();
            long[] weights = new long[holding.parties().length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = holding.basisPoints()[i];
            }
            long[] parts = LargestRemainder.split(groupAmounts.getOrDefault(group, 0L), weights);
            for (int i = 0; i < parts.length; i++) {
                long[] line = lines.computeIfAbsent(new LineKey(group.trackId(), holding.parties()[i]),
                        k -> new long[2]);
                line[0] += streams;
                line[1] += parts[i];
            }
        });
        List<PayoutLine> out = new ArrayList<>(lines.size());
        lines.forEach((key, line) -> out.add(new PayoutLine(key.trackId(), key.partyId(), line[0], line[1])));
        return new PoolPayout(poolMinor, out, 0);
    }

    /** Step 1: usages of tracks with fewer trailing streams than the rules ask leave the pool. */
    private static Map<Entry, Long> eligible(RoyaltyRulesAdopted rules, Collection<Usage> usages, PeriodFacts facts) {
        Map<Entry, Long> entries = new HashMap<>();
        Map<List<Share>, Holding> holdings = new HashMap<>();
        for (Usage usage : usages) {
            if (facts.trailingStreams().getOrDefault(usage.trackId(), 0L) < rules.minTrackStreams()) {
                continue;
            }
            Holding holding = holdings.computeIfAbsent(usage.shares(), Holding::of);
            Entry entry = new Entry(usage.userId(), usage.day(), new Group(usage.trackId(), holding), usage.soughtOut());
            entries.merge(entry, usage.streams(), Math::addExact);
        }
        return entries;
    }

    /** Step 2: a user-day over the cap keeps the cap, apportioned over its usages by their streams. */
    private static Map<Entry, Long> capped(int cap, Map<Entry, Long> entries) {
        if (cap <= 0) {
            return entries;
        }
        Map<UserDay, List<Entry>> byUserDay = new HashMap<>();
        Map<UserDay, Long> totals = new HashMap<>();
        entries.forEach((entry, streams) -> {
            UserDay key = new UserDay(entry.userId(), entry.day());
            byUserDay.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            totals.merge(key, streams, Math::addExact);
        });
        Map<Entry, Long> capped = new HashMap<>(entries);
        byUserDay.forEach((key, list) -> {
            if (totals.get(key) <= cap) {
                return;
            }
            list.sort(WITHIN_USER_DAY);
            long[] streams = list.stream().mapToLong(entries::get).toArray();
            long[] kept = LargestRemainder.split(cap, streams);
            for (int i = 0; i < kept.length; i++) {
                capped.put(list.get(i), kept[i]);
            }
        });
        return capped;
    }

    /** Step 3: streams, weighted under ARTIST_CENTRIC for established artists and for streams sought out. */
    private static long weight(RoyaltyRulesAdopted rules, PeriodFacts facts, Entry entry, long streams) {
        if (rules.model() != PayoutModel.ARTIST_CENTRIC) {
            return streams;
        }
        long weight = streams;
        if (established(rules, facts, entry.group().trackId())) {
            weight = Math.multiplyExact(weight, rules.artistWeight());
        }
        if (entry.soughtOut()) {
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

    /** Step 4, PRO_RATA and ARTIST_CENTRIC: the pool over the groups by weight, ties by trackId then shares. */
    private static Map<Group, Long> byWeight(long amount, Map<Group, Long> weights) {
        List<Group> groups = new ArrayList<>(weights.keySet());
        groups.sort(Comparator.naturalOrder());
        long[] parts = LargestRemainder.split(amount, groups.stream().mapToLong(weights::get).toArray());
        Map<Group, Long> amounts = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            amounts.put(groups.get(i), parts[i]);
        }
        return amounts;
    }

    /** Step 4, USER_CENTRIC: the pool equally over the users (ties by userId), each part over their own groups. */
    private static Map<Group, Long> userCentric(long amount, Map<String, Map<Group, Long>> userWeights) {
        List<String> users = new ArrayList<>(userWeights.keySet());
        users.sort(Comparator.naturalOrder());
        long[] equal = new long[users.size()];
        Arrays.fill(equal, 1);
        long[] userParts = LargestRemainder.split(amount, equal);
        Map<Group, Long> amounts = new HashMap<>();
        for (int u = 0; u < users.size(); u++) {
            byWeight(userParts[u], userWeights.get(users.get(u))).forEach((group, part) ->
                    amounts.merge(group, part, Math::addExact));
        }
        return amounts;
    }
}
