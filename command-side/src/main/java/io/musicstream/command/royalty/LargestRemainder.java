package io.musicstream.command.royalty;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Splits an amount of minor units by weights so that the parts sum to it exactly: each part is the floor of
 * its quota, and the units left over go one each to the largest remainders, ties to the earlier weight (the
 * caller orders weights by its tie-break key).
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    /** @return the parts, in the weights' order; all 0 when every weight is 0 */
    static long[] split(long amount, long[] weights) {
        long total = 0;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + weight);
            }
            total = Math.addExact(total, weight);
        }
        long[] parts = new long[weights.length];
        if (total == 0) {
            return parts;
        }
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            long high = Math.multiplyHigh(amount, weights[i]);
            long low = amount * weights[i];
            if (high == 0 && low >= 0) {
                parts[i] = low / total;
                remainders[i] = low % total;
            } else {
                BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i]))
                        .divideAndRemainder(BigInteger.valueOf(total));
                parts[i] = qr[0].longValueExact();
                remainders[i] = qr[1].longValueExact();
            }
            given += parts[i];
        }
        long left = amount - given;
        if (left > 0) {
            Integer[] order = new Integer[weights.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
                    .thenComparingInt(i -> i));
            for (int k = 0; k < left; k++) {
                parts[order[k]]++;
            }
        }
        return parts;
    }
}
