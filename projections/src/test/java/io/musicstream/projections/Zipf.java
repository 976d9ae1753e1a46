package io.musicstream.projections;

import java.util.Arrays;

/** Ranks drawn with Zipf's skew, as plays of a catalog fall on its tracks: rank 0 most often. */
public final class Zipf {

    private final double[] cumulative;

    /** {@code n} ranks with exponent {@code s}. */
    public Zipf(int n, double s) {
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
    }

    /** The rank whose share of the distribution holds {@code u}, a uniform draw in [0, 1). */
    public int rank(double u) {
        int i = Arrays.binarySearch(cumulative, u);
        return i >= 0 ? i : Math.min(-i - 1, cumulative.length - 1);
    }
}
