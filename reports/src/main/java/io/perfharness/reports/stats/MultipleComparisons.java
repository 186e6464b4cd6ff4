package io.perfharness.reports.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Adjusted p-values for families of tests: Holm (controls the family-wise error rate, for the few
 * gated metrics) and Benjamini-Hochberg (controls the false discovery rate, for many profile
 * frames). Results keep the input order, are capped at 1 and are monotone in the raw p. Stateless.
 */
public final class MultipleComparisons {

    private MultipleComparisons() {
    }

    /**
     * Holm's step-down adjustment: with p sorted ascending p(1) <= ... <= p(m), the adjusted
     * p(i) = max over j <= i of min(1, (m - j + 1) p(j)).
     *
     * @throws IllegalArgumentException when a p-value is outside [0, 1] or NaN
     */
    public static double[] holm(double[] pValues) {
        Integer[] ascending = ascendingOrder(pValues);
        int m = pValues.length;
        double[] adjusted = new double[m];
        double runningMax = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = ascending[rank];
            runningMax = Math.max(runningMax, Math.min(1.0, (m - rank) * pValues[index]));
            adjusted[index] = runningMax;
        }
        return adjusted;
    }

    /**
     * The Benjamini-Hochberg step-up adjustment: with p sorted ascending, the adjusted
     * p(i) = min over j >= i of min(1, m p(j) / j).
     *
     * @throws IllegalArgumentException when a p-value is outside [0, 1] or NaN
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        Integer[] ascending = ascendingOrder(pValues);
        int m = pValues.length;
        double[] adjusted = new double[m];
        double runningMin = 1.0;
        for (int rank = m - 1; rank >= 0; rank--) {
            int index = ascending[rank];
            runningMin = Math.min(runningMin, m * pValues[index] / (rank + 1));
            adjusted[index] = runningMin;
        }
        return adjusted;
    }

    private static Integer[] ascendingOrder(double[] pValues) {
        if (pValues == null) {
            throw new IllegalArgumentException("pValues must not be null");
        }
        for (int i = 0; i < pValues.length; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("pValues[" + i + "] must be in [0, 1] but was " + pValues[i]);
            }
        }
        Integer[] order = new Integer[pValues.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort: equal p-values keep input order, so the output is deterministic.
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        return order;
    }
}
