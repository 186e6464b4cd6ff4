package io.perfharness.reports.stats;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class MannWhitneyTest {

    @Test
    void completeSeparationOfFiveAgainstFiveHasExactPTwoOver252() {
        MannWhitneyResult higher = MannWhitney.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        MannWhitneyResult lower = MannWhitney.test(new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5});

        assertThat(higher.exact()).isTrue();
        assertThat(higher.uStatistic()).isEqualTo(25.0);
        assertThat(higher.pTwoSided()).isCloseTo(2.0 / 252, within(1e-15));
        assertThat(lower.uStatistic()).isEqualTo(0.0);
        assertThat(lower.pTwoSided()).isCloseTo(2.0 / 252, within(1e-15));
        assertThat(higher.nBaseline()).isEqualTo(5);
        assertThat(higher.nCandidate()).isEqualTo(5);
    }

    @Test
    void matchesTheExampleOfRsWilcoxTestDocumentation() {
        // ?wilcox.test, permeability constants: wilcox.test(x, y, alternative = "g") gives W = 35,
        // p-value = 0.1272; the two-sided p is twice that (scipy's exact mannwhitneyu: 0.2544122544122544).
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};

        MannWhitneyResult result = MannWhitney.test(y, x);

        assertThat(result.exact()).isTrue();
        assertThat(result.uStatistic()).isEqualTo(35.0);
        assertThat(result.pTwoSided()).isCloseTo(0.2544122544122544, within(1e-12));
    }

    @Test
    void exactPEqualsBruteForceEnumerationOfAllRankAssignments() {
        SplittableRandom random = new SplittableRandom(20240607L);
        for (int trial = 0; trial < 60; trial++) {
            int m = 1 + random.nextInt(7);
            int n = 1 + random.nextInt(7);
            double[] baseline = random.doubles(m).toArray();
            double[] candidate = random.doubles(n).map(v -> v + 0.3).toArray();

            MannWhitneyResult result = MannWhitney.test(baseline, candidate);

            assertThat(result.exact()).isTrue();
            assertThat(result.uStatistic()).isEqualTo(pairsWithCandidateLarger(baseline, candidate));
            assertThat(result.pTwoSided()).as("m=%d n=%d", m, n)
                    .isCloseTo(bruteForceTwoSidedP(m, n, (int) result.uStatistic()), within(1e-12));
        }
    }

    @Test
    void nullDistributionEqualsBruteForceForEverySmallSize() {
        for (int m = 1; m <= 7; m++) {
            for (int n = 1; n <= 7; n++) {
                long[] counts = bruteForceCounts(m, n);
                long total = 0;
                for (long count : counts) {
                    total += count;
                }
                long running = 0;
                for (int u = 0; u <= m * n; u++) {
                    running += counts[u];
                    assertThat(MannWhitneyNullDistribution.lowerTail(m, n, u)).as("m=%d n=%d u=%d", m, n, u)
                            .isCloseTo((double) running / total, within(1e-14));
                }
            }
        }
    }

    @Test
    void tiesUseTheNormalApproximationWithTieAndContinuityCorrection() {
        // scipy.stats.mannwhitneyu(candidate, baseline, method='asymptotic', use_continuity=True) 1.17.1
        MannWhitneyResult small = MannWhitney.test(new double[] {1, 2, 2, 3}, new double[] {2, 3, 3, 4, 5});
        MannWhitneyResult heavy = MannWhitney.test(new double[] {1, 2, 2, 2, 3, 3, 3, 4, 9},
                new double[] {1, 1, 1, 2, 2, 3, 7});

        assertThat(small.exact()).isFalse();
        assertThat(small.uStatistic()).isEqualTo(17.0);
        assertThat(small.pTwoSided()).isCloseTo(0.09934224785346528, withinPercentage(1e-8));
        assertThat(heavy.exact()).isFalse();
        assertThat(heavy.uStatistic()).isEqualTo(20.0);
        assertThat(heavy.pTwoSided()).isCloseTo(0.23006229802639666, withinPercentage(1e-8));
    }

    @Test
    void moreThan2500PairsUseTheNormalApproximationEvenWithoutTies() {
        double[] baseline = new double[60];
        double[] candidate = new double[60];
        for (int i = 0; i < 60; i++) {
            baseline[i] = i + 1;
            candidate[i] = i + 11.5;
        }

        MannWhitneyResult result = MannWhitney.test(baseline, candidate);

        // scipy.stats.mannwhitneyu(candidate, baseline, method='asymptotic') 1.17.1
        assertThat(result.exact()).isFalse();
        assertThat(result.uStatistic()).isEqualTo(2375.0);
        assertThat(result.pTwoSided()).isCloseTo(0.0025668879435241754, withinPercentage(1e-8));
    }

    @Test
    void identicalSamplesGivePOne() {
        double[] same = {4.2, 4.2, 4.2, 4.2, 4.2};

        MannWhitneyResult result = MannWhitney.test(same, same.clone());

        assertThat(result.pTwoSided()).isEqualTo(1.0);
        assertThat(result.uStatistic()).isEqualTo(12.5);
        assertThat(result.exact()).isFalse();
    }

    @Test
    void aCenteredStatisticGivesPOneNotMore() {
        MannWhitneyResult result = MannWhitney.test(new double[] {1, 4}, new double[] {2, 3});

        assertThat(result.uStatistic()).isEqualTo(2.0);
        assertThat(result.pTwoSided()).isEqualTo(1.0);
    }

    @Test
    void rejectsEmptyAndNonFiniteSamplesQuotingTheConstraint() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline must have at least 1 value but had 0");
        assertThatThrownBy(() -> MannWhitney.test(new double[] {1}, new double[0]))
                .hasMessage("candidate must have at least 1 value but had 0");
        assertThatThrownBy(() -> MannWhitney.test(new double[] {1}, new double[] {2, Double.NaN}))
                .hasMessage("candidate[1] must be finite but was NaN");
    }

    private static double pairsWithCandidateLarger(double[] baseline, double[] candidate) {
        double pairs = 0;
        for (double b : baseline) {
            for (double c : candidate) {
                pairs += c > b ? 1 : c == b ? 0.5 : 0;
            }
        }
        return pairs;
    }

    /** Two-sided p as the share of rank assignments at least as extreme as u, both tails. */
    private static double bruteForceTwoSidedP(int m, int n, int u) {
        long[] counts = bruteForceCounts(m, n);
        double center = m * n / 2.0;
        long extreme = 0;
        long total = 0;
        for (int v = 0; v <= m * n; v++) {
            total += counts[v];
            if (Math.abs(v - center) >= Math.abs(u - center) - 1e-9) {
                extreme += counts[v];
            }
        }
        return Math.min(1.0, (double) extreme / total);
    }

    /** Counts of U over every choice of which n of the m + n ranks belong to the candidate. */
    private static long[] bruteForceCounts(int m, int n) {
        long[] counts = new long[m * n + 1];
        int total = m + n;
        for (int mask = 0; mask < 1 << total; mask++) {
            if (Integer.bitCount(mask) != n) {
                continue;
            }
            int u = 0;
            int baselineBelow = 0;
            for (int rank = 0; rank < total; rank++) {
                if ((mask & (1 << rank)) != 0) {
                    u += baselineBelow;
                } else {
                    baselineBelow++;
                }
            }
            counts[u]++;
        }
        return counts;
    }
}
