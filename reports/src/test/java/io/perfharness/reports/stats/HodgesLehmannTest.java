package io.perfharness.reports.stats;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HodgesLehmannTest {

    @Test
    void shiftOfFiveAgainstFiveIsTheMedianDifferenceWithTheThirdOrderStatistics() {
        // The 25 differences c - b sorted: -1 0 0 1 1 1 2 2 2 2 3 3 [3] 3.5 4 4 4 4.5 5 5 5.5 6 6 6.5 7.5.
        // Exact null of U for 5 and 5: P(U <= 2) = 4/252 <= 0.025 < P(U <= 3) = 7/252, so k = 3:
        // [D(3), D(23)] = [0, 6] with coverage 1 - 2 * 4/252.
        ShiftEstimate shift = HodgesLehmann.shift(new double[] {1, 2, 3, 4, 5}, new double[] {4, 5, 6, 7, 8.5}, 0.95);

        assertThat(shift.estimate()).isEqualTo(3.0);
        assertThat(shift.lower()).isEqualTo(0.0);
        assertThat(shift.upper()).isEqualTo(6.0);
        assertThat(shift.achievedConfidence()).isCloseTo(1 - 8.0 / 252, within(1e-15));
    }

    @Test
    void unattainableConfidenceGivesTheWidestIntervalAndItsLowerCoverage() {
        // 3 and 3: P(U <= 0) = 1/20 > 0.025, so 95% cannot be had; [min, max] covers with 1 - 2/20.
        ShiftEstimate shift = HodgesLehmann.shift(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95);

        assertThat(shift.estimate()).isEqualTo(3.0);
        assertThat(shift.lower()).isEqualTo(1.0);
        assertThat(shift.upper()).isEqualTo(5.0);
        assertThat(shift.achievedConfidence()).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void fourAgainstFourReachesNinetyFivePercentOnlyWithTheWidestInterval() {
        ShiftEstimate shift = HodgesLehmann.shift(new double[] {10, 11, 12, 13}, new double[] {10.5, 12.5, 14, 20}, 0.95);

        // differences range from 10.5 - 13 = -2.5 to 20 - 10 = 10; coverage 1 - 2/70
        assertThat(shift.lower()).isEqualTo(-2.5);
        assertThat(shift.upper()).isEqualTo(10.0);
        assertThat(shift.achievedConfidence()).isCloseTo(1 - 2.0 / 70, within(1e-15));
    }

    @Test
    void ratioIsComputedOnLogarithms() {
        // log2 differences j - i + 1 for i, j in 0..3: the 16 ratios are powers of 2 with exponents
        // -2..4, median exponent 1, so the ratio is 2; k = 1 for 4 and 4 gives [2^-2, 2^4].
        ShiftEstimate ratio = HodgesLehmann.ratio(new double[] {10, 20, 40, 80}, new double[] {20, 40, 80, 160}, 0.95);

        assertThat(ratio.estimate()).isCloseTo(2.0, within(1e-12));
        assertThat(ratio.lower()).isCloseTo(0.25, within(1e-12));
        assertThat(ratio.upper()).isCloseTo(16.0, within(1e-12));
    }

    @Test
    void constantSidesGiveTheExactRatioWithAZeroWidthInterval() {
        ShiftEstimate doubled = HodgesLehmann.ratio(new double[] {100, 100, 100, 100}, new double[] {200, 200, 200, 200}, 0.95);
        ShiftEstimate same = HodgesLehmann.ratio(new double[] {7, 7, 7, 7, 7}, new double[] {7, 7, 7, 7, 7}, 0.95);

        assertThat(doubled).isEqualTo(new ShiftEstimate(2.0, 2.0, 2.0, 1 - 2.0 / 70));
        assertThat(same.estimate()).isEqualTo(1.0);
        assertThat(same.lower()).isEqualTo(1.0);
        assertThat(same.upper()).isEqualTo(1.0);
    }

    @Test
    void ratioRejectsZeroAndNegativeValuesNamingThem() {
        assertThatThrownBy(() -> HodgesLehmann.ratio(new double[] {1, 2, 0}, new double[] {1}, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline[2] must be > 0 for a ratio but was 0.0");
        assertThatThrownBy(() -> HodgesLehmann.ratio(new double[] {1}, new double[] {-3.5}, 0.95))
                .hasMessage("candidate[0] must be > 0 for a ratio but was -3.5");
        assertThatThrownBy(() -> HodgesLehmann.shift(new double[] {1}, new double[] {2}, 1.0))
                .hasMessage("confidenceLevel must be in (0, 1) but was 1.0");
    }

    @Test
    void shiftAcceptsZerosForRatesThatCanBeZero() {
        ShiftEstimate errorRate = HodgesLehmann.shift(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0.002, 0.001}, 0.95);

        // 16 differences: eight of 0, four of 0.001, four of 0.002; the median is between 0 and 0.001
        assertThat(errorRate.estimate()).isEqualTo(0.0005);
        assertThat(errorRate.lower()).isEqualTo(0.0);
        assertThat(errorRate.upper()).isEqualTo(0.002);
    }

    @Test
    void theLargeSampleIntervalFromTheNormalApproximationKeepsItsCoverage() {
        // 60 and 60 runs are past the exact limit of 2,500 pairs: the rank comes from the normal
        // approximation, whose coverage must still hold. 400 seeded comparisons, true shift 0.5.
        SplittableRandom random = new SplittableRandom(7L);
        int covered = 0;
        int simulations = 400;
        double achieved = 0;
        for (int s = 0; s < simulations; s++) {
            double[] baseline = new double[60];
            double[] candidate = new double[60];
            for (int i = 0; i < 60; i++) {
                baseline[i] = random.nextGaussian();
                candidate[i] = random.nextGaussian() + 0.5;
            }
            ShiftEstimate shift = HodgesLehmann.shift(baseline, candidate, 0.95);
            achieved = shift.achievedConfidence();
            covered += shift.contains(0.5) ? 1 : 0;
        }

        assertThat(achieved).isBetween(0.95, 0.96);
        // slack: 3 binomial standard deviations at 400 draws
        assertThat((double) covered / simulations).isGreaterThanOrEqualTo(0.95 - 3 * Math.sqrt(0.95 * 0.05 / simulations));
    }
}
