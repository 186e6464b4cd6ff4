package io.perfharness.reports.stats;

import java.util.Arrays;

/**
 * The two-sided Mann-Whitney U (Wilcoxon rank-sum) test of baseline against candidate, computed as
 * R's {@code wilcox.test(candidate, baseline)} does: exact when there are no ties and
 * nBaseline * nCandidate <= 2,500, else the normal approximation with tie and continuity
 * correction. Stateless.
 */
public final class MannWhitney {

    private MannWhitney() {
    }

    /**
     * Tests whether candidate values tend to be larger or smaller than baseline values.
     *
     * @throws IllegalArgumentException when a side is empty or holds a NaN or infinite value
     */
    public static MannWhitneyResult test(double[] baseline, double[] candidate) {
        Samples.requireFinite("baseline", baseline);
        Samples.requireFinite("candidate", candidate);
        int m = baseline.length;
        int n = candidate.length;
        RankSum ranks = RankSum.of(baseline, candidate);
        double u = ranks.candidateRankSum() - n * (n + 1) / 2.0;
        if (!ranks.hasTies() && MannWhitneyNullDistribution.isExactFeasible(m, n)) {
            return new MannWhitneyResult(u, exactTwoSidedP(m, n, (int) Math.round(u)), true, m, n);
        }
        return new MannWhitneyResult(u, normalTwoSidedP(m, n, u, ranks.tieCubeSum()), false, m, n);
    }

    private static double exactTwoSidedP(int m, int n, int u) {
        int pairs = m * n;
        // The null distribution is symmetric: P(U >= u) = P(U <= pairs - u).
        double oneTail = 2 * u > pairs
                ? MannWhitneyNullDistribution.lowerTail(m, n, pairs - u)
                : MannWhitneyNullDistribution.lowerTail(m, n, u);
        return Math.min(1.0, 2.0 * oneTail);
    }

    private static double normalTwoSidedP(int m, int n, double u, double tieCubeSum) {
        double total = m + n;
        double variance = m * (double) n / 12.0 * ((total + 1) - tieCubeSum / (total * (total - 1)));
        if (variance <= 0) {
            // Every value is the same: no evidence of any difference.
            return 1.0;
        }
        double deviation = u - m * (double) n / 2.0;
        double corrected = deviation - Math.signum(deviation) * 0.5;
        double z = corrected / Math.sqrt(variance);
        return Math.min(1.0, 2.0 * NormalDistribution.cdf(-Math.abs(z)));
    }

    /** Mid-ranks of the pooled sample: the candidate's rank sum and the tie statistics. */
    private record RankSum(double candidateRankSum, boolean hasTies, double tieCubeSum) {

        static RankSum of(double[] baseline, double[] candidate) {
            int total = baseline.length + candidate.length;
            double[] values = new double[total];
            boolean[] isCandidate = new boolean[total];
            Integer[] order = new Integer[total];
            for (int i = 0; i < total; i++) {
                boolean fromCandidate = i >= baseline.length;
                values[i] = fromCandidate ? candidate[i - baseline.length] : baseline[i];
                isCandidate[i] = fromCandidate;
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            double rankSum = 0;
            double tieCubeSum = 0;
            boolean ties = false;
            int start = 0;
            while (start < total) {
                int end = start;
                // == rather than Double.compare so that -0.0 and 0.0 count as a tie
                while (end + 1 < total && values[order[end + 1]] == values[order[start]]) {
                    end++;
                }
                double midRank = (start + end) / 2.0 + 1.0;
                int tieSize = end - start + 1;
                if (tieSize > 1) {
                    ties = true;
                    tieCubeSum += (double) tieSize * tieSize * tieSize - tieSize;
                }
                for (int k = start; k <= end; k++) {
                    if (isCandidate[order[k]]) {
                        rankSum += midRank;
                    }
                }
                start = end + 1;
            }
            return new RankSum(rankSum, ties, tieCubeSum);
        }
    }
}
