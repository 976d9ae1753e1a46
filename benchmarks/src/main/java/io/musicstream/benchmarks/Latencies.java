package io.musicstream.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs calls from many client threads at once and reports latency percentiles. */
record Latencies(double p50, double p95, double p99, double perSecond) {

    /** Each of {@code clients} threads takes the next query until all {@code queries} have been run once. */
    static <Q> Latencies measure(List<Q> queries, int clients, Consumer<Q> call) {
        return measure(queries, clients, q -> {
            call.accept(q);
            return null;
        }, (q, answer) -> { });
    }

    /** As above; {@code check} looks at each answer outside the timed call. */
    static <Q, A> Latencies measure(List<Q> queries, int clients, Function<Q, A> call, BiConsumer<Q, A> check) {
        long[] nanos = new long[queries.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < nanos.length; i = next.getAndIncrement()) {
                        Q query = queries.get(i);
                        long start = System.nanoTime();
                        A answer = call.apply(query);
                        nanos[i] = System.nanoTime() - start;
                        check.accept(query, answer);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a benchmark call failed", e);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), nanos.length / seconds);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static Latencies median(List<Latencies> rounds) {
        return new Latencies(Benchmarks.median(rounds.stream().map(Latencies::p50).toList()),
                Benchmarks.median(rounds.stream().map(Latencies::p95).toList()),
                Benchmarks.median(rounds.stream().map(Latencies::p99).toList()),
                Benchmarks.median(rounds.stream().map(Latencies::perSecond).toList()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (%,.0f/s)", p50, p95, p99, perSecond);
    }
}
