package io.musicstream.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays as a service's listeners make them, in the order an edge service publishes them: tracks drawn by Zipf
 * popularity, sessions that play on through an album, a fifth of plays skipped part-way, a second device
 * starting the same track 10 s after the first now and then, listeners who were offline publishing all their
 * plays at the end, and every tenth play published again later (a redelivery, never ahead of the play itself).
 *
 * <p>It also counts the streams itself, independently of the service, by the default rules (30 s played, no
 * counted play of the same track by the same user within 30 s): {@link #countedByTrack()}.
 */
final class SyntheticPlays {

    /** A playable track: id, duration, a territory it is licensed in, the release it belongs to (index and id). */
    record Track(String id, long durationMs, String territory, int release, String releaseId) {
    }

    /** One play as published: the Kafka key and the JSON. */
    record Published(String key, String body, String userId, String trackId, long msPlayed) {
    }

    private static final long MIN_MS = 30_000;
    /** Where listeners play tracks licensed worldwide: a country per listener. */
    private static final String[] HOMES = {"SE", "US", "DE", "GB", "BR", "JP", "FR", "DK"};
    private static final long WINDOW_MS = 30_000;

    private final List<Track> tracks;
    private final double[] cdf;
    private final JsonMapper json = JsonMapper.builder().build();
    private final long[] countedByTrack;
    private long distinct;
    private long published;

    /** The user id of synthetic listener {@code u}: the first ones may be registered accounts. */
    private final List<String> registered;

    SyntheticPlays(List<Track> tracks, List<String> registeredUserIds) {
        this.tracks = tracks;
        this.registered = registeredUserIds;
        this.cdf = zipf(tracks.size(), 1.0);
        this.countedByTrack = new long[tracks.size()];
    }

    /** Publishes {@code plays} distinct plays (and their redeliveries) to {@code sink}, in publishing order. */
    void generate(int plays, int seed, Instant start, Consumer<Published> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        int users = Math.max(1, plays / 50);
        int[] current = new int[users];
        long[] clock = new long[users];
        long[] lastStart = new long[users];
        List<Map<Integer, Long>> lastCounted = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            current[u] = draw(random);
            clock[u] = start.toEpochMilli() + random.nextInt(3_600_000);
            lastCounted.add(new HashMap<>(4));
        }
        List<List<Published>> offline = new ArrayList<>();
        Map<Integer, Integer> offlineSlot = new HashMap<>();
        List<Published> redeliveries = new ArrayList<>();
        List<Published> offlineRedeliveries = new ArrayList<>();
        for (int i = 0; i < plays; i++) {
            int u = random.nextInt(users);
            boolean isOffline = u % 20 == 0;
            boolean secondDevice = lastStart[u] > 0 && random.nextInt(100) == 0;
            int index;
            long startedAt;
            long ms;
            if (secondDevice) {
                index = current[u];
                startedAt = lastStart[u] + 10_000;
                ms = tracks.get(index).durationMs();
            } else {
                int next = current[u] + 1;
                index = random.nextInt(10) < 7 && next < tracks.size()
                        && tracks.get(next).release() == tracks.get(current[u]).release() ? next : draw(random);
                current[u] = index;
                Track track = tracks.get(index);
                ms = random.nextInt(5) == 0 ? random.nextLong(track.durationMs() + 1) : track.durationMs();
                startedAt = clock[u];
                lastStart[u] = startedAt;
                clock[u] += ms + 500;
            }
            count(lastCounted.get(u), index, startedAt, ms);
            Track track = tracks.get(index);
            String userId = u < registered.size() ? registered.get(u) : "bench-listener-" + u;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("playId", "p-" + i);
            body.put("userId", userId);
            body.put("trackId", track.id());
            body.put("startedAt", Instant.ofEpochMilli(startedAt).toString());
            body.put("msPlayed", ms);
            body.put("deviceId", secondDevice ? "bench-device-2" : "bench-device");
            body.put("territory", track.territory().equals("WW") ? HOMES[u % HOMES.length] : track.territory());
            body.put("endReason", ms < track.durationMs() ? "SKIPPED" : "TRACK_DONE");
            body.put("context", Map.of("type", "ALBUM", "id", track.releaseId()));
            body.put("offline", isOffline);
            Published play = new Published(userId, json.writeValueAsString(body), userId, track.id(), ms);
            distinct++;
            if (isOffline) {
                offline.get(offlineSlot.computeIfAbsent(u, k -> {
                    offline.add(new ArrayList<>());
                    return offline.size() - 1;
                })).add(play);
            } else {
                emit(play, sink);
            }
            if (i % 10 == 0) {
                (isOffline ? offlineRedeliveries : redeliveries).add(play);
            }
            if (redeliveries.size() >= 10_000) {
                redeliveries.forEach(p -> emit(p, sink));
                redeliveries.clear();
            }
        }
        offline.forEach(batch -> batch.forEach(p -> emit(p, sink)));
        redeliveries.forEach(p -> emit(p, sink));
        offlineRedeliveries.forEach(p -> emit(p, sink));
    }

    private void count(Map<Integer, Long> lastCounted, int track, long startedAt, long ms) {
        lastCounted.values().removeIf(start -> start < startedAt - 2 * WINDOW_MS - 3_600_000);
        Long last = lastCounted.get(track);
        if (ms >= MIN_MS && (last == null || Math.abs(startedAt - last) >= WINDOW_MS)) {
            countedByTrack[track]++;
            lastCounted.put(track, last == null ? startedAt : Math.max(last, startedAt));
        }
    }

    private void emit(Published play, Consumer<Published> sink) {
        published++;
        sink.accept(play);
    }

    long distinct() {
        return distinct;
    }

    long published() {
        return published;
    }

    /** Counted streams per track id, as the benchmark counts them. */
    Map<String, Long> countedByTrack() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < countedByTrack.length; i++) {
            if (countedByTrack[i] > 0) {
                counts.put(tracks.get(i).id(), countedByTrack[i]);
            }
        }
        return counts;
    }

    long counted() {
        return Arrays.stream(countedByTrack).sum();
    }

    private int draw(SplittableRandom random) {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }

    private static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }
}
