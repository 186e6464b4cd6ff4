package io.perfharness.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MultipleComparisonsTest {

    private static final double[] FOUR_METRICS = {0.01, 0.04, 0.03, 0.005};

    @Test
    void holmStepsDownAndKeepsTheInputOrder() {
        // sorted: 0.005 * 4 = 0.02; 0.01 * 3 = 0.03; 0.03 * 2 = 0.06; 0.04 * 1 = 0.04 -> max so far 0.06
        assertThat(MultipleComparisons.holm(FOUR_METRICS)).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void benjaminiHochbergStepsUpAndKeepsTheInputOrder() {
        // sorted: 0.005 * 4/1 = 0.02; 0.01 * 4/2 = 0.02; 0.03 * 4/3 = 0.04; 0.04 * 4/4 = 0.04 -> min from the top
        assertThat(MultipleComparisons.benjaminiHochberg(FOUR_METRICS))
                .containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-15));
    }

    @Test
    void benjaminiHochbergTakesTheMinimumFromAbove() {
        // sorted: 0.01 * 3 = 0.03; 0.04 * 3/2 = 0.06; 0.045 * 3/3 = 0.045 -> the second becomes 0.045
        assertThat(MultipleComparisons.benjaminiHochberg(new double[] {0.045, 0.01, 0.04}))
                .containsExactly(new double[] {0.045, 0.03, 0.045}, within(1e-15));
    }

    @Test
    void adjustedValuesAreCappedAtOne() {
        assertThat(MultipleComparisons.holm(new double[] {0.9, 0.5})).containsExactly(1.0, 1.0);
        assertThat(MultipleComparisons.benjaminiHochberg(new double[] {0.9, 0.6})).containsExactly(0.9, 0.9);
        assertThat(MultipleComparisons.holm(new double[] {1.0})).containsExactly(1.0);
    }

    @Test
    void tiedAndEmptyFamiliesAreHandled() {
        assertThat(MultipleComparisons.holm(new double[] {0.01, 0.01})).containsExactly(0.02, 0.02);
        assertThat(MultipleComparisons.benjaminiHochberg(new double[] {0.01, 0.01})).containsExactly(0.01, 0.01);
        assertThat(MultipleComparisons.holm(new double[0])).isEmpty();
    }

    @Test
    void rejectsValuesThatAreNotProbabilities() {
        assertThatThrownBy(() -> MultipleComparisons.holm(new double[] {0.2, 1.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pValues[1] must be in [0, 1] but was 1.5");
        assertThatThrownBy(() -> MultipleComparisons.benjaminiHochberg(new double[] {Double.NaN}))
                .hasMessage("pValues[0] must be in [0, 1] but was NaN");
    }
}
