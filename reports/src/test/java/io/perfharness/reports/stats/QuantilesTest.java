package io.perfharness.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantilesTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Quantiles.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(Quantiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Quantiles.median(new double[] {7})).isEqualTo(7.0);
    }

    @Test
    void quantileInterpolatesAsRType7() {
        double[] values = {10, 20, 30, 40, 50};
        // h = (5 - 1) * 0.9 = 3.6 -> 40 + 0.6 * 10; numpy.quantile([10,20,30,40,50], 0.9) = 46.0
        assertThat(Quantiles.quantile(values, 0.9)).isEqualTo(46.0);
        assertThat(Quantiles.quantile(values, 0.0)).isEqualTo(10.0);
        assertThat(Quantiles.quantile(values, 1.0)).isEqualTo(50.0);
        assertThat(Quantiles.quantile(values, 0.25)).isEqualTo(20.0);
    }

    @Test
    void leavesTheCallersArrayUnsorted() {
        double[] values = {3, 1, 2};
        Quantiles.median(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void rejectsEmptyInputAndProbabilitiesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Quantiles.median(new double[0]))
                .hasMessage("values must have at least 1 value but had 0");
        assertThatThrownBy(() -> Quantiles.quantile(new double[] {1}, 1.5))
                .hasMessage("probability must be in [0, 1] but was 1.5");
    }
}
