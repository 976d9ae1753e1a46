package io.musicstream.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.command.royalty.PeriodFacts;
import io.musicstream.command.royalty.Share;
import io.musicstream.command.royalty.Usage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replay's in-memory tally answers what a straightforward count of the same keys answers. */
class ReplayTallyTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final List<String> TERRITORIES = List.of("DK", "SE", "XX");
    private static final List<String> TIERS = List.of("FREE", "PREMIUM");

    private record Streams(Map<ReplayRows.PlayKey, Long> plays, Map<ReplayRows.ArtistKey, Long> artists) {
    }

    /** Three share versions per track (the second without positive points), random plays over two months. */
    private static Streams fill(ReplayTally tally, int plays, long seed) {
        Random random = new Random(seed);
        for (int t = 0; t < 50; t++) {
            String track = "t-" + t;
            tally.share(new ReplayRows.ShareVersion(track, 1, Instant.EPOCH, List.of("p-" + t % 7, "p-x"),
                    List.of(6_000, 4_000), "ISRC-" + t, List.of("a-" + t % 5), 10 + t));
            tally.share(new ReplayRows.ShareVersion(track, 2, Instant.EPOCH, List.of("p-" + t % 7), List.of(0),
                    null, List.of("a-" + t % 5), 100 + t));
            tally.share(new ReplayRows.ShareVersion(track, 3, Instant.EPOCH, List.of("p-y"), List.of(10_000),
                    "ISRC-" + t + "-b", List.of("a-" + t % 5, "a-9"), 1_000 + t));
        }
        Map<ReplayRows.PlayKey, Long> keys = new HashMap<>();
        Map<ReplayRows.ArtistKey, Long> artists = new HashMap<>();
        for (int i = 0; i < plays; i++) {
            YearMonth played = random.nextBoolean() ? OCTOBER : NOVEMBER;
            YearMonth settled = played.equals(OCTOBER) && random.nextInt(10) == 0 ? NOVEMBER : played;
            String user = "u-" + random.nextInt(2_000);
            ReplayRows.PlayKey key = new ReplayRows.PlayKey(played.toString(),
                    TERRITORIES.get(random.nextInt(TERRITORIES.size())), TIERS.get(random.nextInt(TIERS.size())),
                    settled.toString(), user, "t-" + random.nextInt(50), random.nextInt(4),
                    played.atDay(1 + random.nextInt(played.lengthOfMonth())), random.nextBoolean());
            tally.stream(key);
            keys.merge(key, 1L, Long::sum);
            ReplayRows.ArtistKey artist = new ReplayRows.ArtistKey(played.toString(), settled.toString(),
                    "a-" + random.nextInt(6), user);
            tally.artistStream(artist);
            artists.merge(artist, 1L, Long::sum);
        }
        return new Streams(keys, artists);
    }

    @Test
    void usagesAreEachPoolsKeysSettledByTheBoundUnderSharesThatPay() {
        ReplayTally tally = new ReplayTally();
        Streams streams = fill(tally, 60_000, 7);
        for (YearMonth bound : List.of(OCTOBER, NOVEMBER)) {
            for (String territory : TERRITORIES) {
                for (String tier : TIERS) {
                    Map<String, Set<String>> artists = new HashMap<>();
                    List<Usage> usages = tally.usages(OCTOBER, territory, tier, bound, artists);
                    Map<String, Set<String>> expectedArtists = new HashMap<>();
                    List<Usage> expected = new ArrayList<>();
                    streams.plays().forEach((key, count) -> {
                        if (key.period().equals(OCTOBER.toString()) && key.territory().equals(territory)
                                && key.tier().equals(tier) && !YearMonth.parse(key.settledIn()).isAfter(bound)
                                && key.shareVersion() > 0) {
                            String track = key.trackId();
                            int t = Integer.parseInt(track.substring(2));
                            Set<String> named = expectedArtists.computeIfAbsent(track, x -> new LinkedHashSet<>());
                            named.add("a-" + t % 5);
                            if (key.shareVersion() == 3) {
                                named.add("a-9");
                            }
                            List<Share> shares = switch (key.shareVersion()) {
                                case 1 -> List.of(new Share("p-" + t % 7, 6_000), new Share("p-x", 4_000));
                                case 3 -> List.of(new Share("p-y", 10_000));
                                default -> List.of();
                            };
                            if (!shares.isEmpty()) {
                                expected.add(new Usage(key.userId(), track, key.day(), key.soughtOut(), count, shares));
                            }
                        }
                    });
                    assertThat(usages).containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(artists).isEqualTo(expectedArtists);
                }
            }
        }
    }

    @Test
    void factsAndLatePeriodsAreCountedFromTheSameKeys() {
        ReplayTally tally = new ReplayTally();
        Streams streams = fill(tally, 50_000, 11);

        Map<String, Long> trailing = new HashMap<>();
        streams.plays().forEach((key, count) -> {
            if (key.settledIn().equals(OCTOBER.toString())) {
                trailing.merge(key.trackId(), count, Long::sum);
            }
        });
        assertThat(tally.trailingStreams(OCTOBER, OCTOBER)).isEqualTo(trailing);

        Map<String, Long> artistStreams = new HashMap<>();
        Map<String, Set<String>> listeners = new HashMap<>();
        streams.artists().forEach((key, count) -> {
            if (key.period().equals(OCTOBER.toString())) {
                artistStreams.merge(key.artistId(), count, Long::sum);
                listeners.computeIfAbsent(key.artistId(), a -> new HashSet<>()).add(key.userId());
            }
        });
        Map<String, PeriodFacts.ArtistReach> reach = new HashMap<>();
        artistStreams.forEach((artist, count) -> reach.put(artist,
                new PeriodFacts.ArtistReach(count, listeners.get(artist).size())));
        assertThat(tally.artistReach(OCTOBER, NOVEMBER)).isEqualTo(reach);

        assertThat(tally.latePeriods(NOVEMBER)).containsExactly(OCTOBER);
        assertThat(tally.latePeriods(OCTOBER)).isEmpty();
    }

    @Test
    void anIsrcIsTheLatestVersionsBeforeTheIndexGiven() {
        ReplayTally tally = new ReplayTally();
        fill(tally, 0, 1);

        assertThat(tally.isrcs(List.of("t-1", "t-2", "t-unknown"), 50))
                .containsOnly(Map.entry("t-1", "ISRC-1"), Map.entry("t-2", "ISRC-2"));
        assertThat(tally.isrcs(List.of("t-1"), 1_000)).as("the latest version names none").isEmpty();
        assertThat(tally.isrcs(List.of("t-1"), 5_000)).containsOnly(Map.entry("t-1", "ISRC-1-b"));
        assertThat(tally.isrcs(List.of("t-1"), 5)).isEmpty();
    }

    @Test
    void aShareVersionOutOfOrderOrBeyondTheKeysRoomIsRefused() {
        ReplayTally tally = new ReplayTally();
        assertThatThrownBy(() -> tally.share(new ReplayRows.ShareVersion("t", 2, Instant.EPOCH, List.of(), List.of(),
                null, List.of(), 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tally.stream(new ReplayRows.PlayKey("2026-10", "DK", "FREE", "2026-10", "u", "t",
                1_024, LocalDate.of(2026, 10, 1), false))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsGrowPastTheFirstTableAndKeepEveryKey() {
        LongPairCounts counts = new LongPairCounts("keys");
        Map<List<Long>, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 300_000; i++) {
            long first = random.nextInt(100_000);
            long second = random.nextInt(3) - 1L;
            int before = counts.add(first, second, 1);
            assertThat(before).isEqualTo(expected.getOrDefault(List.of(first, second), 0));
            expected.merge(List.of(first, second), 1, Integer::sum);
        }
        Map<List<Long>, Integer> seen = new HashMap<>();
        counts.forEach((first, second, count) -> seen.put(List.of(first, second), count));
        assertThat(seen).isEqualTo(expected);
        assertThat(counts.size()).isEqualTo(expected.size());
    }
}
