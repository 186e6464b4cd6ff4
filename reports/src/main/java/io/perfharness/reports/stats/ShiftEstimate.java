package io.perfharness.reports.stats;

/**
 * A Hodges-Lehmann estimate of how candidate differs from baseline, either as a ratio
 * (candidate/baseline, 1 = no change) or as a difference (candidate - baseline, 0 = no change),
 * with its distribution-free confidence interval. Immutable.
 *
 * @param estimate the point estimate
 * @param lower lower end of the interval, inclusive
 * @param upper upper end of the interval, inclusive
 * @param achievedConfidence the interval's actual coverage under the model of a pure shift
 *     (exact for continuous data below 2,500 pairs, else from the normal approximation); may
 *     exceed the requested level, and falls below it only when that level is unattainable
 */
public record ShiftEstimate(double estimate, double lower, double upper, double achievedConfidence) {

    /** Whether the closed interval holds the value. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
