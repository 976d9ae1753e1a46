package io.musicstream.infra.audit;

import io.musicstream.command.royalty.PeriodFacts;
import io.musicstream.command.royalty.Share;
import io.musicstream.command.royalty.Usage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the replay's fold gives, counted in the replay's own memory: no table of the database is written or read,
 * so nothing but the event store can change the outcome. Every text of a key is numbered once and a key is packed
 * into two longs ({@link LongPairCounts}), so ten million plays fit in well under a gigabyte.
 */
final class ReplayTally implements ReplayRows {

    private static final int SMALL_BITS = 12;
    private static final int SMALL_MASK = (1 << SMALL_BITS) - 1;
    private static final int VERSION_BITS = 10;
    private static final int VERSION_MASK = (1 << VERSION_BITS) - 1;

    /** Periods, settlements, territories and tiers: a few hundred texts. */
    private final Numbering small = new Numbering("periods, territories and tiers", 1 << SMALL_BITS);
    private final Numbering users = new Numbering("listeners", Integer.MAX_VALUE);
    private final Numbering tracks = new Numbering("tracks", Integer.MAX_VALUE);
    private final Numbering artists = new Numbering("artists", Integer.MAX_VALUE);
    private final List<YearMonth> months = new ArrayList<>();
    private final LongPairCounts streams = new LongPairCounts("usages");
    private final LongPairCounts artistStreams = new LongPairCounts("artist listeners");
    private final Map<String, List<ShareVersion>> shares = new HashMap<>();
    private final Map<List<YearMonth>, Map<Integer, int[]>> pools = new HashMap<>();

    @Override
    public void share(ShareVersion version) {
        List<ShareVersion> versions = shares.computeIfAbsent(version.trackId(), t -> new ArrayList<>(1));
        if (version.version() != versions.size() + 1) {
            throw new IllegalStateException("share version " + version.version() + " of track " + version.trackId()
                    + " follows version " + versions.size());
        }
        versions.add(version);
    }

    @Override
    public void stream(PlayKey play) {
        if (play.shareVersion() > VERSION_MASK) {
            throw new IllegalStateException("track " + play.trackId() + " has more than " + VERSION_MASK
                    + " share versions");
        }
        long listenerTrack = (long) users.of(play.userId()) << 32 | tracks.of(play.trackId());
        long pool = (long) small(play.period()) << 52 | (long) small(play.settledIn()) << 40
                | (long) small(play.territory()) << 28 | (long) small(play.tier()) << 16
                | (long) (play.day().getDayOfMonth() - 1) << 11 | (play.soughtOut() ? 1L : 0L) << 10
                | play.shareVersion();
        streams.add(listenerTrack, pool, 1);
    }

    @Override
    public void artistStream(ArtistKey artist) {
        artistStreams.add((long) artists.of(artist.artistId()) << 32 | users.of(artist.userId()),
                (long) small(artist.period()) << 12 | small(artist.settledIn()), 1);
    }

    private int small(String text) {
        int id = small.of(text);
        if (id == months.size()) {
            months.add(month(text));
        }
        return id;
    }

    private static YearMonth month(String text) {
        try {
            return text.length() == 7 ? YearMonth.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int field(long packed, int shift) {
        return (int) (packed >>> shift) & SMALL_MASK;
    }

    /** The periods before {@code period} with streams settled in it: those its statements adjust. */
    List<YearMonth> latePeriods(YearMonth period) {
        Set<YearMonth> found = new TreeSet<>();
        streams.forEach((listenerTrack, pool, count) -> {
            YearMonth played = months.get(field(pool, 52));
            if (period.equals(months.get(field(pool, 40))) && played.isBefore(period)) {
                found.add(played);
            }
        });
        return List.copyOf(found);
    }

    /**
     * The usages of one pool settled by {@code bound}, under the shares in force when they were played; streams
     * under no shares (version 0) or no holders pay nobody and are left out.
     *
     * @param trackArtists filled with the artists the catalog named for each track's versions
     */
    List<Usage> usages(YearMonth period, String territory, String tier, YearMonth bound,
                       Map<String, Set<String>> trackArtists) {
        Integer territoryId = small.find(territory);
        Integer tierId = small.find(tier);
        int[] slots = territoryId == null || tierId == null ? null
                : pools(period, bound).get(territoryId << SMALL_BITS | tierId);
        if (slots == null) {
            return List.of();
        }
        List<Usage> usages = new ArrayList<>(slots.length);
        Map<Long, List<Share>> interned = new HashMap<>();
        LocalDate[] days = new LocalDate[period.lengthOfMonth()];
        for (int slot : slots) {
            long listenerTrack = streams.first(slot);
            long pool = streams.second(slot);
            int version = (int) pool & VERSION_MASK;
            int track = (int) listenerTrack;
            String trackId = tracks.text(track);
            List<Share> holders = interned.computeIfAbsent((long) track << VERSION_BITS | version, k -> {
                ShareVersion shareVersion = shares.get(trackId).get(version - 1);
                trackArtists.computeIfAbsent(trackId, t -> new LinkedHashSet<>()).addAll(shareVersion.artistIds());
                List<Share> list = new ArrayList<>(shareVersion.partyIds().size());
                for (int i = 0; i < shareVersion.partyIds().size(); i++) {
                    Integer points = shareVersion.basisPoints().get(i);
                    if (points != null && points > 0) {
                        list.add(new Share(shareVersion.partyIds().get(i), points));
                    }
                }
                return List.copyOf(list);
            });
            if (!holders.isEmpty()) {
                int dayOfMonth = (int) (pool >>> 11 & 31);
                if (days[dayOfMonth] == null) {
                    days[dayOfMonth] = period.atDay(dayOfMonth + 1);
                }
                usages.add(new Usage(users.text((int) (listenerTrack >>> 32)), trackId, days[dayOfMonth],
                        (pool >>> 10 & 1) == 1, streams.count(slot), holders));
            }
        }
        return usages;
    }

    /**
     * The slots of {@code period}'s streams under some shares and settled by {@code bound}, by territory and tier:
     * sorted out in two passes once for all of the period's pools (a counting sort).
     */
    private Map<Integer, int[]> pools(YearMonth period, YearMonth bound) {
        return pools.computeIfAbsent(List.of(period, bound), key -> {
            Integer periodId = small.find(period.toString());
            Map<Integer, int[]> sorted = new HashMap<>();
            if (periodId == null) {
                return sorted;
            }
            for (int pass = 0; pass < 2; pass++) {
                Map<Integer, int[]> filled = new HashMap<>();
                for (int slot = 0; slot < streams.slots(); slot++) {
                    long pool = streams.second(slot);
                    if (streams.count(slot) == 0 || field(pool, 52) != periodId || ((int) pool & VERSION_MASK) == 0
                            || months.get(field(pool, 40)).isAfter(bound)) {
                        continue;
                    }
                    int territoryTier = field(pool, 28) << SMALL_BITS | field(pool, 16);
                    if (pass == 0) {
                        sorted.computeIfAbsent(territoryTier, t -> new int[1])[0]++;
                    } else {
                        int[] cursor = filled.computeIfAbsent(territoryTier, t -> new int[1]);
                        sorted.get(territoryTier)[cursor[0]++] = slot;
                    }
                }
                if (pass == 0) {
                    sorted.replaceAll((territoryTier, count) -> new int[count[0]]);
                }
            }
            return sorted;
        });
    }

    /** Per track, its counted streams of the 12 months ending with {@code period}, settled by {@code bound}. */
    Map<String, Long> trailingStreams(YearMonth period, YearMonth bound) {
        YearMonth first = period.minusMonths(11);
        Map<String, Long> found = new HashMap<>();
        streams.forEach((listenerTrack, pool, count) -> {
            YearMonth played = months.get(field(pool, 52));
            if (!played.isBefore(first) && !played.isAfter(period) && !months.get(field(pool, 40)).isAfter(bound)) {
                found.merge(tracks.text((int) listenerTrack), (long) count, Long::sum);
            }
        });
        return found;
    }

    /** Per artist, the period's counted streams and distinct listeners settled by {@code bound}. */
    Map<String, PeriodFacts.ArtistReach> artistReach(YearMonth period, YearMonth bound) {
        Integer periodId = small.find(period.toString());
        if (periodId == null) {
            return Map.of();
        }
        LongPairCounts listeners = new LongPairCounts("artist listeners");
        Map<Integer, long[]> reach = new HashMap<>();
        artistStreams.forEach((artistUser, periods, count) -> {
            if (field(periods, 12) == periodId && !months.get(field(periods, 0)).isAfter(bound)) {
                long[] sums = reach.computeIfAbsent((int) (artistUser >>> 32), a -> new long[2]);
                sums[0] += count;
                if (listeners.add(artistUser, 0, 1) == 0) {
                    sums[1]++;
                }
            }
        });
        Map<String, PeriodFacts.ArtistReach> found = new HashMap<>();
        reach.forEach((artist, sums) -> found.put(artists.text(artist), new PeriodFacts.ArtistReach(sums[0], sums[1])));
        return found;
    }

    /** Each track's ISRC as its latest share version before {@code beforeIndex} named it. */
    Map<String, String> isrcs(Collection<String> trackIds, long beforeIndex) {
        Map<String, String> found = new HashMap<>();
        for (String trackId : trackIds) {
            List<ShareVersion> versions = shares.getOrDefault(trackId, List.of());
            for (int i = versions.size() - 1; i >= 0; i--) {
                if (versions.get(i).globalIndex() < beforeIndex) {
                    if (versions.get(i).isrc() != null) {
                        found.put(trackId, versions.get(i).isrc());
                    }
                    break;
                }
            }
        }
        return found;
    }

    /** Texts numbered from 0 in the order first seen. */
    private static final class Numbering {
        private final String what;
        private final int limit;
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> texts = new ArrayList<>();

        Numbering(String what, int limit) {
            this.what = what;
            this.limit = limit;
        }

        int of(String text) {
            Integer id = ids.get(text);
            if (id == null) {
                if (texts.size() == limit) {
                    throw new IllegalStateException("the replay met more than " + limit + " distinct " + what);
                }
                id = texts.size();
                ids.put(text, id);
                texts.add(text);
            }
            return id;
        }

        Integer find(String text) {
            return ids.get(text);
        }

        String text(int id) {
            return texts.get(id);
        }
    }
}
