package io.perfharness.reports.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PosteriorPrecisionTest {

  @Test
  void withoutAPoissonPartItIsLimmasModeratedVarianceAndDegreesOfFreedom() {
    // d0 = 4, s0² = 0.01, d = 8, s² = 0.02: E[1/σ²] = (d0 + d) / (d0 s0² + d s²) = 12 / 0.2 = 60, df = d0 + d = 12.
    PosteriorPrecision precision = new PosteriorPrecision(new ExtraVariancePrior(4, 0.01), 8);
    double[] out = new double[2];

    precision.exact(0, 0.02, out);

    assertThat(out[0]).isCloseTo(60, within(60 * 0.01));
    assertThat(out[1]).isCloseTo(12, within(12 * 0.03));
  }

  @Test
  void theTableFollowsTheExactSum() {
    PosteriorPrecision precision = new PosteriorPrecision(new ExtraVariancePrior(1.6, 0.0035), 8);
    double[] exact = new double[2];
    double[] table = new double[2];
    for (double poisson : new double[] {1e-5, 3e-4, 0.004, 0.05, 0.3}) {
      for (double sample : new double[] {1e-6, 1e-3, 0.02, 0.4, 5}) {
        precision.exact(poisson, sample, exact);
        precision.lookup(poisson, sample, table);
        assertThat(table[0]).as("precision at P %s s2 %s", poisson, sample).isCloseTo(exact[0], within(0.01 * exact[0]));
        // 5% in the degrees of freedom moves a t quantile by under 0.5% from 8 degrees of freedom up.
        assertThat(table[1]).as("df at P %s s2 %s", poisson, sample).isCloseTo(exact[1], within(0.05 * exact[1]));
      }
    }
  }

  @Test
  void aTightPriorPinsTheVarianceAndNoPriorLeavesTheFramesOwn() {
    PosteriorPrecision tight = new PosteriorPrecision(new ExtraVariancePrior(1000, 0.01), 8);
    PosteriorPrecision none = new PosteriorPrecision(ExtraVariancePrior.NONE, 8);
    double[] out = new double[2];

    tight.exact(0.02, 0.5, out);
    assertThat(1 / out[0]).isCloseTo(0.03, within(0.03 * 0.05));
    assertThat(out[1]).isGreaterThan(1000);
    none.lookup(0.02, 0.5, out);
    assertThat(out).containsExactly(1 / 0.5, 8);
    none.lookup(0.02, 0.001, out);
    assertThat(out).containsExactly(1 / 0.02, 8);
  }
}
