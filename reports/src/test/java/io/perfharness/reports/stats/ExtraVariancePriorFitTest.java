package io.perfharness.reports.stats;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtraVariancePriorFitTest {

  @Test
  void recoversAKnownPriorFromTwoThousandFrames() {
    // φ ~ s0² d0 / χ²(d0) with d0 = 6, s0² = 0.01; P uniform in [0, 0.02]; s² = (P + φ) χ²(9) / 9.
    SplittableRandom random = new SplittableRandom(17);
    int frames = 2_000;
    double[] sample = new double[frames];
    double[] poisson = new double[frames];
    for (int g = 0; g < frames; g++) {
      double phi = 0.01 * 6 / chiSquare(random, 6);
      poisson[g] = 0.02 * random.nextDouble();
      sample[g] = (poisson[g] + phi) * chiSquare(random, 9) / 9;
    }

    ExtraVariancePrior prior = ExtraVariancePriorFit.fit(sample, poisson, 9);

    assertThat(prior.degreesOfFreedom()).isBetween(4.5, 8.0);
    assertThat(prior.scale()).isBetween(0.0085, 0.0115);
  }

  @Test
  void framesThatAllShareOneVarianceGiveTheLargestPriorWeight() {
    SplittableRandom random = new SplittableRandom(18);
    double[] sample = new double[500];
    double[] poisson = new double[500];
    for (int g = 0; g < sample.length; g++) {
      poisson[g] = 0.005;
      sample[g] = 0.015 * chiSquare(random, 9) / 9;
    }

    ExtraVariancePrior prior = ExtraVariancePriorFit.fit(sample, poisson, 9);

    // Sampling noise alone leaves d0 between about 40 and the cap of 1,000 (seeds 18-27); frames
    // as different as in recoversAKnownPriorFromTwoThousandFrames give about 6.
    assertThat(prior.degreesOfFreedom()).isGreaterThan(30);
    assertThat(prior.scale()).isBetween(0.008, 0.012);
  }

  @Test
  void fewerThanTenFramesGiveNoPrior() {
    assertThat(ExtraVariancePriorFit.fit(new double[9], new double[9], 9)).isEqualTo(ExtraVariancePrior.NONE);
  }

  @Test
  void aPriorOutsideItsRangeIsRejectedQuotingTheValue() {
    assertThatThrownBy(() -> new ExtraVariancePrior(4, Double.NaN))
        .hasMessage("scale must be finite and > 0 but was NaN");
    assertThatThrownBy(() -> new ExtraVariancePrior(-1, 0.01))
        .hasMessage("degreesOfFreedom must be in [0.2, 1000.0] (or 0 with scale 0 for no prior) but was -1.0");
  }

  private static double chiSquare(SplittableRandom random, int df) {
    double sum = 0;
    for (int i = 0; i < df; i++) {
      double z = ProfileComparisonSimulation.gaussian(random);
      sum += z * z;
    }
    return sum;
  }
}
