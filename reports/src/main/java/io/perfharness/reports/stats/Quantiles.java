package io.perfharness.reports.stats;

import java.util.Arrays;

/**
 * Medians and quantiles of samples, never modifying the caller's array; stateless. A quantile is
 * R's type 7 (the default of R, NumPy and Excel's PERCENTILE.INC): with the values sorted
 * x[0] <= ... <= x[n-1] and h = (n - 1) * probability, it is x[floor(h)] + (h - floor(h)) *
 * (x[floor(h) + 1] - x[floor(h)]); the median is the quantile at 0.5.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** The median: the middle value, or the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /**
     * The type-7 quantile at probability in [0, 1].
     *
     * @throws IllegalArgumentException when values is empty or holds NaN, or probability is outside [0, 1]
     */
    public static double quantile(double[] values, double probability) {
        Samples.requireNonEmpty("values", values);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1] but was " + probability);
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must not be NaN");
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, probability);
    }

    static double medianOfSorted(double[] sorted) {
        return quantileOfSorted(sorted, 0.5);
    }

    static double quantileOfSorted(double[] sorted, double probability) {
        double h = (sorted.length - 1) * probability;
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = h - below;
        return fraction == 0 ? sorted[below] : sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
