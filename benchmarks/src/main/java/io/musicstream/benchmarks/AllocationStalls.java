package io.musicstream.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import jdk.jfr.consumer.RecordingStream;

/**
 * Counts ZGC's allocation stalls (JFR's {@code jdk.ZAllocationStall}): threads held until the collector has
 * freed memory, because its concurrent cycles fell behind the allocations. Their sum and longest show what the
 * collector's share of time does not. Under other collectors there are none; their pauses are in the cycles.
 */
final class AllocationStalls implements AutoCloseable {

    /** How many stalls, and for how long in all and at most. */
    record Totals(long count, double totalMillis, double maxMillis) {
    }

    private final RecordingStream stream = new RecordingStream();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

    /** Starts listening; JFR's start recompiles some code, so start it before anything is measured. */
    AllocationStalls() {
        stream.enable("jdk.ZAllocationStall").withThreshold(Duration.ZERO);
        stream.onEvent("jdk.ZAllocationStall", event -> {
            long nanos = event.getDuration().toNanos();
            count.incrementAndGet();
            totalNanos.addAndGet(nanos);
            maxNanos.accumulate(nanos);
        });
        stream.startAsync();
    }

    /**
     * The stalls since the last call, and starts counting anew. JFR hands events over about once a second, so
     * a caller that wants the last second's stalls too waits that long first.
     */
    Totals drain() {
        return new Totals(count.getAndSet(0), totalNanos.getAndSet(0) / 1e6, maxNanos.getThenReset() / 1e6);
    }

    @Override
    public void close() {
        stream.close();
    }
}
