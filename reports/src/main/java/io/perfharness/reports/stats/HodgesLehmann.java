package io.perfharness.reports.stats;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Hodges-Lehmann estimates of the shift between baseline and candidate: the median of all pairwise
 * differences, with the confidence interval that inverts the Mann-Whitney test (order statistics of
 * the differences, the rank taken from the exact null distribution up to 2,500 pairs and from its
 * normal approximation beyond). Stateless.
 */
public final class HodgesLehmann {

    private HodgesLehmann() {
    }

    /**
     * The ratio candidate/baseline, estimated on natural logarithms and mapped back: exp of the
     * median of log(c_j) - log(b_i).
     *
     * @throws IllegalArgumentException when a side is empty or holds a value that is not finite and > 0
     */
    public static ShiftEstimate ratio(double[] baseline, double[] candidate, double confidenceLevel) {
        Samples.requirePositive("baseline", baseline);
        Samples.requirePositive("candidate", candidate);
        Samples.requireConfidenceLevel(confidenceLevel);
        ShiftEstimate logShift = estimate(baseline, candidate, confidenceLevel, HodgesLehmann::logRatio);
        return new ShiftEstimate(Math.exp(logShift.estimate()), Math.exp(logShift.lower()),
                Math.exp(logShift.upper()), logShift.achievedConfidence());
    }

    /**
     * The difference candidate - baseline, for metrics that can be zero or negative (error rate).
     *
     * @throws IllegalArgumentException when a side is empty or holds a NaN or infinite value
     */
    public static ShiftEstimate shift(double[] baseline, double[] candidate, double confidenceLevel) {
        Samples.requireFinite("baseline", baseline);
        Samples.requireFinite("candidate", candidate);
        Samples.requireConfidenceLevel(confidenceLevel);
        return estimate(baseline, candidate, confidenceLevel, (b, c) -> c - b);
    }

    private static ShiftEstimate estimate(double[] baseline, double[] candidate, double confidenceLevel,
            DoubleBinaryOperator difference) {
        int m = baseline.length;
        int n = candidate.length;
        double[] differences = new double[m * n];
        int next = 0;
        for (double b : baseline) {
            for (double c : candidate) {
                differences[next++] = difference.applyAsDouble(b, c);
            }
        }
        Arrays.sort(differences);
        IntervalRank rank = MannWhitneyNullDistribution.isExactFeasible(m, n)
                ? exactRank(m, n, confidenceLevel)
                : normalRank(m, n, confidenceLevel);
        // [D(k), D(mn + 1 - k)] in 1-based order statistics
        return new ShiftEstimate(Quantiles.medianOfSorted(differences), differences[rank.k() - 1],
                differences[m * n - rank.k()], rank.achievedConfidence());
    }

    /**
     * The largest k with P(U <= k - 1) <= (1 - level) / 2, so that [D(k), D(mn + 1 - k)] covers the
     * true shift with probability 1 - 2 P(U <= k - 1) >= level. When even k = 1 falls short, k = 1:
     * the widest interval, with its lower coverage.
     */
    private static IntervalRank exactRank(int m, int n, double confidenceLevel) {
        double tailProbability = (1.0 - confidenceLevel) / 2.0;
        int k = 1;
        while (2 * (k + 1) <= m * n + 1 && MannWhitneyNullDistribution.lowerTail(m, n, k) <= tailProbability) {
            k++;
        }
        return new IntervalRank(k, 1.0 - 2.0 * MannWhitneyNullDistribution.lowerTail(m, n, k - 1));
    }

    /** The same rank from the normal approximation of U with continuity correction. */
    private static IntervalRank normalRank(int m, int n, double confidenceLevel) {
        double pairs = (double) m * n;
        double sigma = Math.sqrt(pairs * (m + n + 1) / 12.0);
        double z = -NormalDistribution.quantile((1.0 - confidenceLevel) / 2.0);
        long k = (long) Math.floor(pairs / 2.0 + 0.5 - z * sigma);
        k = Math.max(1, Math.min(k, (m * n + 1) / 2));
        double lowerTail = NormalDistribution.cdf((k - 0.5 - pairs / 2.0) / sigma);
        return new IntervalRank((int) k, 1.0 - 2.0 * lowerTail);
    }

    /**
     * log(c / b) rather than log(c) - log(b): one rounding instead of a cancellation, so equal
     * values give exactly 0 and a constant 2x exactly log(2).
     */
    private static double logRatio(double baseline, double candidate) {
        double ratio = candidate / baseline;
        return ratio > 0 && Double.isFinite(ratio) ? Math.log(ratio) : Math.log(candidate) - Math.log(baseline);
    }

    /** The 1-based order statistic that starts the interval and the coverage it gives. */
    private record IntervalRank(int k, double achievedConfidence) {
    }
}
