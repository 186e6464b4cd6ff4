package io.perfharness.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Reference values from scipy.stats.t (ppf and sf), 1.17. */
class StudentTDistributionTest {

  @Test
  void quantilesMatchTheTables() {
    assertThat(StudentTDistribution.quantile(0.975, 8)).isCloseTo(2.306004135204166, within(1e-10));
    assertThat(StudentTDistribution.quantile(0.975, 1)).isCloseTo(12.706204736174694, within(1e-8));
    assertThat(StudentTDistribution.quantile(0.975, 9.5)).isCloseTo(2.2441374614922958, within(1e-10));
    assertThat(StudentTDistribution.quantile(0.995, 2.5)).isCloseTo(7.163728138948783, within(1e-8));
    assertThat(StudentTDistribution.quantile(0.025, 8)).isCloseTo(-2.306004135204166, within(1e-10));
    assertThat(StudentTDistribution.quantile(0.975, Double.POSITIVE_INFINITY)).isCloseTo(1.959963984540054, within(1e-9));
  }

  @Test
  void tailsMatchTheTables() {
    assertThat(StudentTDistribution.twoSidedP(2.5, 8)).isCloseTo(0.03694203771362412, within(1e-13));
    assertThat(StudentTDistribution.twoSidedP(-10, 3.3)).isCloseTo(0.0014024814276670861, within(1e-14));
    assertThat(StudentTDistribution.upperTail(-1.2, 6)).isCloseTo(0.8623164186099239, within(1e-13));
    assertThat(StudentTDistribution.upperTail(0, 5)).isEqualTo(0.5);
    assertThat(StudentTDistribution.twoSidedP(0, 5)).isEqualTo(1.0);
  }

  @Test
  void rejectsDegreesOfFreedomThatAreNotPositiveQuotingTheValue() {
    assertThatThrownBy(() -> StudentTDistribution.upperTail(1, 0))
        .hasMessage("degreesOfFreedom must be > 0 but was 0.0");
    assertThatThrownBy(() -> StudentTDistribution.quantile(1.0, 3))
        .hasMessage("probability must be in (0, 1) but was 1.0");
  }
}
