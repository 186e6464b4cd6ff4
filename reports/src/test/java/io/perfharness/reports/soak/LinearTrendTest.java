package io.perfharness.reports.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The regression and its t-test against values computed by hand and by R's {@code pt}. */
class LinearTrendTest {
    @Test
    void fitsSlopePerThousandRequestsWithRSquaredAndPValue() {
        // y = 2 + 3x (x in thousands) with residuals +1, -1, -1, +1
        LinearTrend fit = LinearTrend.fit(new long[] {0, 1000, 2000, 3000}, new double[] {3, 4, 7, 12});
        assertThat(fit.slopePerThousandRequests()).isCloseTo(3.0, within(1e-12));
        assertThat(fit.interceptValue()).isCloseTo(2.0, within(1e-12));
        // SSres = 4, SStot = 49, sxx = 5: R² = 1 - 4/49 = 0.918, se = sqrt(4 / 2 / 5) = 0.632, t = 4.743
        assertThat(fit.rSquared()).isCloseTo(1 - 4 / 49.0, within(1e-12));
        assertThat(fit.slopeStandardError()).isCloseTo(Math.sqrt(0.4), within(1e-12));
        // pt(4.743416, 2, lower.tail = FALSE) = 0.02084
        assertThat(fit.pValueSlopePositive()).isCloseTo(0.02084, within(2e-5));
    }

    @Test
    void perfectLinesHaveExtremePValues() {
        assertThat(LinearTrend.fit(new long[] {0, 10, 20}, new double[] {1, 2, 3}).pValueSlopePositive()).isZero();
        assertThat(LinearTrend.fit(new long[] {0, 10, 20}, new double[] {5, 5, 5}).pValueSlopePositive()).isEqualTo(1);
    }

    @Test
    void studentTailsMatchTables() {
        assertThat(StudentT.upperTail(2.0, 10)).isCloseTo(0.036694, within(1e-6)); // pt(2, 10, lower = FALSE)
        assertThat(StudentT.upperTail(1.812461, 10)).isCloseTo(0.05, within(1e-6));
        assertThat(StudentT.upperTail(-1.0, 5)).isCloseTo(1 - 0.181609, within(1e-6));
        assertThat(SeriesJudge.tQuantile(6)).isCloseTo(1.943180, within(1e-5));
    }

    @Test
    void refusesWhatCannotBeFitted() {
        assertThatThrownBy(() -> LinearTrend.fit(new long[] {0, 1}, new double[] {1, 2}))
                .hasMessage("a trend needs at least 3 points but had 2");
        assertThatThrownBy(() -> LinearTrend.fit(new long[] {5, 5, 5}, new double[] {1, 2, 3}))
                .hasMessage("completed requests must change between snapshots but were all 5");
    }
}
