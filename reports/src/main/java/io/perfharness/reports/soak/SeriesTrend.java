package io.perfharness.reports.soak;

/**
 * How one measurement moved over a soak run. Immutable.
 *
 * @param firstValue value in the first snapshot
 * @param lastValue value in the last snapshot
 * @param fit the least-squares line over all snapshots, null when there were too few
 * @param growthOverRun the fitted growth between the first and last snapshot (slope times requests)
 * @param increasingStepFraction share of consecutive snapshot pairs where the value went up
 * @param decreasingStepFraction share where it went down (the rest stayed equal)
 * @param lateSlopePerThousandRequests slope over the last half of the snapshots, NaN when not fitted
 */
public record SeriesTrend(int snapshots, double firstValue, double lastValue, LinearTrend fit,
        double growthOverRun, double increasingStepFraction, double decreasingStepFraction,
        double lateSlopePerThousandRequests) {

    /** Slope per 1,000 completed requests, NaN without a fit. */
    public double slopePerThousandRequests() {
        return fit == null ? Double.NaN : fit.slopePerThousandRequests();
    }
}
