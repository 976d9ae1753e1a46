package io.musicstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The share of CPU time the hypervisor gave to other guests ({@code steal} in {@code /proc/stat}) since
 * {@link #start()}: on shared virtual machines it explains rounds that are slow for no reason of ours.
 * NaN where {@code /proc/stat} cannot be read.
 */
final class CpuSteal {

    private final long[] start;

    private CpuSteal(long[] start) {
        this.start = start;
    }

    static CpuSteal start() {
        return new CpuSteal(read());
    }

    double percentSince() {
        long[] now = read();
        if (start == null || now == null || now[0] == start[0]) {
            return Double.NaN;
        }
        return 100.0 * (now[1] - start[1]) / (now[0] - start[0]);
    }

    /** Total and stolen ticks of all CPUs, or null. */
    private static long[] read() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, fields.length > 8 ? Long.parseLong(fields[8]) : 0};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
