package io.perfharness.reports.soak;

/**
 * A least-squares line of a measurement against completed requests. Immutable.
 *
 * @param slopePerThousandRequests growth of the measurement per 1,000 completed requests
 * @param rSquared share of the variance the line explains (1 for a perfect line, 0 when flat and noisy)
 * @param slopeStandardError standard error of the slope, same unit as the slope
 * @param pValueSlopePositive one-sided p-value of the t-test of slope > 0 (n - 2 degrees of freedom);
 *     0 for a perfect rising line, 1 for a perfect flat or falling one
 */
public record LinearTrend(int points, double slopePerThousandRequests, double interceptValue, double rSquared,
        double slopeStandardError, double pValueSlopePositive) {

    /**
     * Fits {@code values} against {@code completedRequests}; needs 3 points and requests that change.
     *
     * @throws IllegalArgumentException for fewer than 3 points, arrays of different length, or one x value
     */
    public static LinearTrend fit(long[] completedRequests, double[] values) {
        int n = values.length;
        if (completedRequests.length != n) {
            throw new IllegalArgumentException("x and y must have the same length but had " + completedRequests.length
                    + " and " + n);
        }
        if (n < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 points but had " + n);
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += completedRequests[i] / 1000.0;
            meanY += values[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = completedRequests[i] / 1000.0 - meanX;
            double dy = values[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("completed requests must change between snapshots but were all "
                    + completedRequests[0]);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double residual = Math.max(0, syy - slope * sxy);
        double rSquared = syy == 0 ? 0 : 1 - residual / syy;
        double standardError = Math.sqrt(residual / (n - 2) / sxx);
        double p;
        if (standardError == 0 || standardError < Math.abs(slope) * 1e-12) {
            p = slope > 0 ? 0 : 1;
        } else {
            p = StudentT.upperTail(slope / standardError, n - 2);
        }
        return new LinearTrend(n, slope, intercept, rSquared, standardError, p);
    }
}
