package io.perfharness.loadtests.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReplayFidelityTest {
    @Test
    void nrmseIsRmsErrorOverTheMeanIntended() {
        // errors 0, +2, -2, 0 -> RMS sqrt(8/4) = 1.414; mean intended 10
        assertThat(ReplayFidelity.nrmse(new double[] {10, 10, 10, 10}, new long[] {10, 12, 8, 10}))
                .isCloseTo(Math.sqrt(2) / 10, within(1e-12));
        assertThat(ReplayFidelity.nrmse(new double[] {5, 5}, new long[] {5, 5})).isZero();
        assertThat(ReplayFidelity.nrmse(new double[] {0, 0}, new long[] {0, 0})).isZero();
    }

    @Test
    void tvdIsHalfTheL1DistanceOfTheNormalizedMixes() {
        assertThat(ReplayFidelity.tvd(new double[] {1, 1}, new double[] {3, 1})).isCloseTo(0.25, within(1e-12));
        assertThat(ReplayFidelity.tvd(new double[] {1, 0}, new double[] {0, 5})).isCloseTo(1.0, within(1e-12));
        assertThat(ReplayFidelity.tvd(new double[] {0.2, 0.8}, new double[] {20, 80})).isCloseTo(0.0, within(1e-12));
    }
}
