package io.perfharness.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reference values: Var[ln(X + 0.5)], X ~ Poisson(mean), summed over the pmf with scipy. */
class PoissonLogVarianceTest {

  @Test
  void exactSumsMatchTheReference() {
    assertThat(PoissonLogVariance.exact(0.1)).isCloseTo(0.11007106505660308, within(1e-13));
    assertThat(PoissonLogVariance.exact(1)).isCloseTo(0.505071814101402, within(1e-13));
    assertThat(PoissonLogVariance.exact(5)).isCloseTo(0.22770104831753735, within(1e-13));
    assertThat(PoissonLogVariance.exact(20)).isCloseTo(0.05137171929303644, within(1e-13));
    assertThat(PoissonLogVariance.exact(1000)).isCloseTo(0.0010005008355917317, within(1e-13));
  }

  @Test
  void theTableFollowsTheExactSumsAndTheLimits() {
    for (double mean : new double[] {0.003, 0.7, 3.3, 17, 250, 9_999, 77_777}) {
      assertThat(PoissonLogVariance.of(mean)).as("mean %s", mean)
          .isCloseTo(PoissonLogVariance.exact(mean), within(1e-4 * PoissonLogVariance.exact(mean)));
    }
    assertThat(PoissonLogVariance.of(0)).isZero();
    assertThat(PoissonLogVariance.of(1e6)).isEqualTo(1e-6);
    assertThat(PoissonLogVariance.of(1e-6)).isCloseTo(1e-6 * Math.log(3) * Math.log(3), within(1e-12));
  }
}
