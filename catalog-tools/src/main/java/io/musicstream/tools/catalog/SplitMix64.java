package io.musicstream.tools.catalog;

import java.util.List;

/**
 * SplitMix64, written out here rather than taken from the JDK so that a seed gives the same numbers on
 * every JDK, forever. Only integer arithmetic and exact double operations are used on its output.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator for item {@code index} of a kind, independent of how many numbers others drew. */
    static SplitMix64 of(long seed, String kind, long index) {
        long h = seed * 0x9E3779B97F4A7C15L + index;
        for (int i = 0; i < kind.length(); i++) {
            h = h * 31 + kind.charAt(i);
        }
        return new SplitMix64(mix(h));
    }

    long nextLong() {
        return mix(state += 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in [low, high], both included. */
    int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Roughly normal around {@code center} with spread {@code spread} (sum of three uniforms), clamped. */
    int around(int center, int spread, int low, int high) {
        int noise = nextInt(2 * spread + 1) + nextInt(2 * spread + 1) + nextInt(2 * spread + 1) - 3 * spread;
        return Math.max(low, Math.min(high, center + noise / 2));
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }
}
