package io.musicstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listening read side over HTTP, as clients see it: how long a published play takes to show in heavy
 * rotation, one client's latency on each read endpoint, and the rate at which the listening projections
 * replay from the first event.
 */
final class ListeningReads {

    /** The processors of the listening read models: the listener's own rows, and the rows listeners share. */
    static final List<String> PROCESSORS = List.of("listening", "listening-totals");
    private static final String PASSWORD = "plays-bench-password";
    private static final int WARM_UP = 20;
    private static final int CALLS = 200;

    /** A registered listener and its session. */
    record Listener(String userId, String token) {
    }

    private final BlockingHttp http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String adminToken;

    ListeningReads(int httpPort, Path benchDir) throws IOException {
        this.http = new BlockingHttp("http://127.0.0.1:" + httpPort + "/api/v1");
        String password = Files.readString(benchDir.resolve("admin-password")).trim();
        this.adminToken = login("admin", password).token();
    }

    List<Listener> register(String prefix, int count) {
        List<Listener> listeners = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String username = prefix + "-" + i;
            http.send("POST", "/auth/register", null, json.writeValueAsString(Map.of("username", username,
                    "password", PASSWORD, "country", "SE")));
            listeners.add(login(username, PASSWORD));
        }
        return listeners;
    }

    private Listener login(String username, String password) {
        JsonNode login = json.readTree(http.send("POST", "/auth/login", null, json.writeValueAsString(Map.of(
                "username", username, "password", password))));
        return new Listener(login.get("userId").asString(), login.get("token").asString());
    }

    /**
     * Publishes one counted play at a time for a listener of its own (so it is the only album in their heavy
     * rotation) and times until {@code GET /me/heavy-rotation} shows it.
     */
    String heavyRotationLag(List<Listener> probes, KafkaTemplate<String, String> kafka, SyntheticPlays.Track track)
            throws Exception {
        List<Double> lags = new ArrayList<>();
        for (Listener probe : probes) {
            Map<String, Object> play = new LinkedHashMap<>();
            play.put("playId", "probe-" + probe.userId());
            play.put("userId", probe.userId());
            play.put("trackId", track.id());
            play.put("startedAt", Instant.now().minusMillis(track.durationMs()).toString());
            play.put("msPlayed", track.durationMs());
            play.put("territory", track.territory());
            long t0 = System.nanoTime();
            kafka.send("play-events", probe.userId(), json.writeValueAsString(play)).get();
            waitUntil(() -> new String(http.send("GET", "/me/heavy-rotation", probe.token(), null))
                    .contains(track.releaseId()), 60_000);
            lags.add((System.nanoTime() - t0) / 1e6);
        }
        lags.sort(Double::compare);
        return String.format(Locale.ROOT, "publish to heavy rotation over %d probes: p50 %.0f ms, p99 %.0f ms",
                lags.size(), quantile(lags, 0.5), quantile(lags, 0.99));
    }

    /** One client, one call at a time, on each read endpoint. */
    List<String> readLatencies(Listener heavy, LocalDate day, String territory) {
        LocalDate from = day.minusDays(6);
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("recently played", "/me/player/recently-played?limit=50");
        endpoints.put("heavy rotation", "/me/heavy-rotation");
        for (String range : List.of("short_term", "medium_term", "long_term")) {
            endpoints.put("top tracks " + range, "/me/top/tracks?range=" + range);
        }
        endpoints.put("top artists medium_term", "/me/top/artists?range=medium_term");
        endpoints.put("chart global daily", "/charts/global/daily?date=" + day);
        endpoints.put("chart " + territory + " daily", "/charts/" + territory + "/daily?date=" + day);
        endpoints.put("chart global weekly", "/charts/global/weekly?date=" + day);
        endpoints.put("trending global", "/charts/global/trending?date=" + day);
        endpoints.put("analytics by track, a week", "/analytics/streams?groupBy=track&from=" + from + "&to=" + day);
        endpoints.put("analytics by artist, a week", "/analytics/streams?groupBy=artist&from=" + from + "&to=" + day);
        List<String> lines = new ArrayList<>();
        endpoints.forEach((name, path) -> {
            String token = path.startsWith("/analytics") ? adminToken : heavy.token();
            try {
                List<Integer> calls = new ArrayList<>();
                for (int i = 0; i < WARM_UP + CALLS; i++) {
                    calls.add(i);
                }
                Latencies.measure(calls.subList(0, WARM_UP), 1, i -> http.exchange("GET", path, token, null));
                Latencies one = Latencies.measure(calls.subList(WARM_UP, calls.size()), 1,
                        i -> http.exchange("GET", path, token, null));
                lines.add(String.format(Locale.ROOT, "  %-28s p50 %6.2f ms  p99 %6.2f ms (target p99 < 10 ms)", name,
                        one.p50(), one.p99()));
            } catch (IllegalStateException e) {
                lines.add(String.format(Locale.ROOT, "  %-28s failed: %s", name, e.getCause() == null
                        ? e.getMessage() : e.getCause().getMessage()));
            }
        });
        return lines;
    }

    /**
     * Replays the listening processors from the first event, all at once as an operator rebuilding them would,
     * and times each until it is level with the head; the rate of the whole rebuild is that of the last to finish.
     */
    List<String> replays() throws Exception {
        List<String> lines = new ArrayList<>();
        long t0 = System.nanoTime();
        java.util.Map<String, Long> heads = new java.util.LinkedHashMap<>();
        for (String name : PROCESSORS) {
            heads.put(name, json.readTree(http.send("POST", "/admin/processors/" + name + "/replay", adminToken,
                    null)).get("head").asLong());
        }
        java.util.Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        waitUntil(() -> {
            for (String name : PROCESSORS) {
                if (!seconds.containsKey(name) && position(name) >= heads.get(name)) {
                    seconds.put(name, (System.nanoTime() - t0) / 1e9);
                }
            }
            return seconds.size() == PROCESSORS.size();
        }, 3_600_000);
        for (String name : PROCESSORS) {
            lines.add(String.format(Locale.ROOT, "  replay of %s: %,d events in %.1f s: %s events/s", name,
                    heads.get(name), seconds.get(name), Benchmarks.fmt(heads.get(name) / seconds.get(name))));
        }
        long head = java.util.Collections.max(heads.values());
        double whole = java.util.Collections.max(seconds.values());
        lines.add(String.format(Locale.ROOT, "  replay of every listening read model (both at once): %,d events in"
                + " %.1f s: %s events/s (target 50,000)", head, whole, Benchmarks.fmt(head / whole)));
        return lines;
    }

    private long position(String processor) {
        try {
            return json.readTree(http.send("GET", "/admin/processors/" + processor, adminToken, null))
                    .get("position").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalDate utcDay(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static void waitUntil(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(5);
        }
    }

    private static double quantile(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1)));
    }
}
