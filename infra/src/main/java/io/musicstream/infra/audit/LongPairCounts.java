package io.musicstream.infra.audit;

/**
 * Counts per key of two longs, in open-addressing arrays: about 30 bytes a key where a {@code HashMap} of records
 * takes over 100, which is what lets a replay of ten million plays count in memory. No library at hand has a
 * primitive map keyed by two longs.
 */
final class LongPairCounts {

    private static final int INITIAL = 1 << 16;
    private static final double MAX_LOAD = 0.7;

    private final String what;
    private long[] firsts;
    private long[] seconds;
    private int[] counts;
    private int mask;
    private int size;
    private int resizeAt;

    /** @param what what is counted, for the message when memory runs short */
    LongPairCounts(String what) {
        this.what = what;
        allocate(INITIAL);
    }

    /** Adds {@code n} (at least 1) to the key's count and answers the count it had before. */
    int add(long first, long second, int n) {
        int slot = slot(first, second);
        int before = counts[slot];
        if (before == 0) {
            firsts[slot] = first;
            seconds[slot] = second;
            if (++size > resizeAt) {
                counts[slot] = n;
                grow();
                return 0;
            }
        }
        counts[slot] = before + n;
        return before;
    }

    int size() {
        return size;
    }

    /** The number of slots: {@link #count} is 0 at the empty ones. */
    int slots() {
        return counts.length;
    }

    long first(int slot) {
        return firsts[slot];
    }

    long second(int slot) {
        return seconds[slot];
    }

    int count(int slot) {
        return counts[slot];
    }

    /** Receives each key with its count. */
    interface Visitor {
        void visit(long first, long second, int count);
    }

    void forEach(Visitor visitor) {
        for (int slot = 0; slot < counts.length; slot++) {
            if (counts[slot] != 0) {
                visitor.visit(firsts[slot], seconds[slot], counts[slot]);
            }
        }
    }

    private int slot(long first, long second) {
        int slot = (int) mix(first * 0x9E3779B97F4A7C15L ^ second) & mask;
        while (counts[slot] != 0 && (firsts[slot] != first || seconds[slot] != second)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private void grow() {
        long[] oldFirsts = firsts;
        long[] oldSeconds = seconds;
        int[] oldCounts = counts;
        allocate(oldCounts.length * 2);
        for (int i = 0; i < oldCounts.length; i++) {
            if (oldCounts[i] != 0) {
                int slot = slot(oldFirsts[i], oldSeconds[i]);
                firsts[slot] = oldFirsts[i];
                seconds[slot] = oldSeconds[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    /**
     * Refuses a table the heap cannot hold beside the old one with a message, instead of the error: the arrays are
     * the only allocation that fails, and the old ones are still whole.
     */
    private void allocate(int capacity) {
        try {
            if (capacity <= 0) {
                throw new OutOfMemoryError("more than 2^30 slots");
            }
            long[] newFirsts = new long[capacity];
            long[] newSeconds = new long[capacity];
            counts = new int[capacity];
            firsts = newFirsts;
            seconds = newSeconds;
        } catch (OutOfMemoryError e) {
            throw new IllegalStateException("the replay counts more " + what + " (" + size + ") than this JVM's"
                    + " memory holds; run it with a larger heap (-Xmx)", e);
        }
        mask = capacity - 1;
        resizeAt = (int) (capacity * MAX_LOAD);
    }
}
