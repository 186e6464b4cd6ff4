package io.perfharness.reports.stats;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The exact null distribution of the Mann-Whitney U statistic for continuous data (no ties),
 * counted by dynamic programming and cached per pair of sample sizes; thread-safe.
 */
final class MannWhitneyNullDistribution {

    /** Exact distributions are computed while m * n stays at or under this (m = n = 50). */
    static final int EXACT_MAX_PAIRS = 2_500;

    private static final ConcurrentHashMap<Long, double[]> CUMULATIVE_BY_SIZES = new ConcurrentHashMap<>();

    private MannWhitneyNullDistribution() {
    }

    static boolean isExactFeasible(int m, int n) {
        return (long) m * n <= EXACT_MAX_PAIRS;
    }

    /**
     * P(U <= u) for u = 0..m*n, where U counts the pairs in which the second sample's value is the
     * larger one. The distribution is symmetric around m*n/2 and the same for (m, n) and (n, m).
     */
    static double lowerTail(int m, int n, int u) {
        double[] cumulative = cumulative(m, n);
        if (u < 0) {
            return 0.0;
        }
        return u >= cumulative.length ? 1.0 : cumulative[u];
    }

    private static double[] cumulative(int m, int n) {
        if (m < 1 || n < 1 || !isExactFeasible(m, n)) {
            throw new IllegalArgumentException("exact distribution needs 1 <= m, n and m * n <= "
                    + EXACT_MAX_PAIRS + " but m was " + m + " and n was " + n);
        }
        int small = Math.min(m, n);
        int large = Math.max(m, n);
        return CUMULATIVE_BY_SIZES.computeIfAbsent(((long) small << 32) | large, key -> compute(small, large));
    }

    private static double[] compute(int m, int n) {
        // counts[j][u] for the current i: arrangements of i first-sample and j second-sample
        // values with U = u. The largest value either belongs to the second sample and beats all
        // i values of the first, or to the first and beats none: N(i,j,u) = N(i,j-1,u-i) + N(i-1,j,u).
        // All additions of positive counts, so doubles stay exact up to 2^53 and relatively
        // precise beyond (C(100, 50) is about 1e29).
        double[][] previous = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            previous[j] = new double[] {1.0};
        }
        for (int i = 1; i <= m; i++) {
            double[][] current = new double[n + 1][];
            current[0] = new double[] {1.0};
            for (int j = 1; j <= n; j++) {
                double[] counts = new double[i * j + 1];
                double[] secondLargest = current[j - 1];
                for (int u = i; u - i < secondLargest.length; u++) {
                    counts[u] += secondLargest[u - i];
                }
                double[] firstLargest = previous[j];
                for (int u = 0; u < firstLargest.length; u++) {
                    counts[u] += firstLargest[u];
                }
                current[j] = counts;
            }
            previous = current;
        }
        double[] counts = previous[n];
        double total = 0;
        for (double count : counts) {
            total += count;
        }
        double[] cumulative = new double[counts.length];
        double running = 0;
        for (int u = 0; u < counts.length; u++) {
            running += counts[u];
            cumulative[u] = Math.min(1.0, running / total);
        }
        return cumulative;
    }
}
