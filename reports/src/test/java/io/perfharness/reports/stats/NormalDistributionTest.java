package io.perfharness.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class NormalDistributionTest {

    @Test
    void cumulativeProbabilitiesMatchPublishedValues() {
        // Reference values from scipy.stats.norm 1.17 (cdf, sf), printed with repr
        assertThat(NormalDistribution.cdf(-3)).isCloseTo(0.0013498980316300933, withinPercentage(1e-9));
        assertThat(NormalDistribution.cdf(-1.959963984540054)).isCloseTo(0.025, withinPercentage(1e-9));
        assertThat(NormalDistribution.cdf(0.5)).isCloseTo(0.6914624612740131, within(1e-14));
        assertThat(NormalDistribution.upperTail(8)).isCloseTo(6.22096057427174e-16, withinPercentage(1e-8));
        assertThat(NormalDistribution.cdf(0)).isEqualTo(0.5);
    }

    @Test
    void theTwoBranchesOfErfcAgreeWhereTheyMeet() {
        double below = NormalDistribution.erfc(Math.nextDown(2.5));
        double above = NormalDistribution.erfc(2.5);
        assertThat(below).isCloseTo(above, withinPercentage(1e-9));
        // erfc(1) from Abramowitz and Stegun table 7.1
        assertThat(NormalDistribution.erfc(1)).isCloseTo(0.157299207050285, within(1e-14));
    }

    @Test
    void quantileInvertsTheCumulativeProbability() {
        assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(NormalDistribution.quantile(0.025)).isCloseTo(-1.959963984540054, within(1e-12));
        assertThat(NormalDistribution.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-9));
    }
}
