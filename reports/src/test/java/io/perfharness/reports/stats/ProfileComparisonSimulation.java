package io.perfharness.reports.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of profile comparisons for the tests of {@link ModeratedFrameTest}: per-run
 * sample counts of {@value #FRAMES} frames on both sides of a {@value #RUNS}+{@value #RUNS}
 * comparison, with Poisson sampling, per-frame lognormal run-to-run noise, a run-level factor and
 * varying request counts; {@link FrameTestSimulationTest} states the model. Stateless.
 */
final class ProfileComparisonSimulation {
  static final int FRAMES = 200;
  static final double MEDIAN_SAMPLES_PER_RUN = 8;
  static final double SIZE_LOG_SD = 2.0;
  static final int RUNS = 5;
  /** Ordinary frames' τ = 0.05 exp(0.5 Z); 5% of frames noisy, τ in [0.25, 0.8]; run factor 5%. */
  static final Scenario DEFAULT = new Scenario(0.05, 0.5, 0.05, 0.25, 0.8, 0.05);

  private ProfileComparisonSimulation() {}

  enum Plant { NONE, HALVED, VANISHED }

  /**
   * The noise of a comparison.
   *
   * @param typicalNoise median τ of ordinary frames
   * @param noiseLogSd σ of ln τ among ordinary frames
   * @param noisyShare share of frames that are noisy instead
   * @param noisyLow lowest τ of a noisy frame
   * @param noisyHigh highest τ of a noisy frame
   * @param runLogSd σ of the ln of the run-level factor
   */
  record Scenario(double typicalNoise, double noiseLogSd, double noisyShare, double noisyLow, double noisyHigh,
                  double runLogSd) {}

  /** One drawn comparison: the frames' counts and each run's cost per count per request. */
  record Comparison(List<FrameCounts> frames, double[] baselineFactors, double[] candidateFactors) {}

  /** Draws one comparison; frame 0 carries the plant. */
  static Comparison comparison(SplittableRandom random, Scenario s, Plant plant) {
    double[] meanSamples = new double[FRAMES];
    double[] noise = new double[FRAMES];
    for (int g = 0; g < FRAMES; g++) {
      meanSamples[g] = MEDIAN_SAMPLES_PER_RUN * Math.exp(SIZE_LOG_SD * gaussian(random));
      noise[g] = random.nextDouble() < s.noisyShare()
          ? s.noisyLow() + (s.noisyHigh() - s.noisyLow()) * random.nextDouble()
          : s.typicalNoise() * Math.exp(s.noiseLogSd() * gaussian(random));
    }
    double baselineMultiplier = 1;
    double candidateMultiplier = 1;
    if (plant == Plant.HALVED) {
      meanSamples[0] = 50;
      noise[0] = s.typicalNoise() * Math.exp(s.noiseLogSd() * gaussian(random));
      candidateMultiplier = 0.5;
    }
    long[][] baseline = new long[FRAMES][RUNS];
    long[][] candidate = new long[FRAMES][RUNS];
    double[] baselineFactors = side(random, s, meanSamples, noise, baseline, baselineMultiplier);
    double[] candidateFactors = side(random, s, meanSamples, noise, candidate, candidateMultiplier);
    if (plant == Plant.VANISHED) {
      for (int r = 0; r < RUNS; r++) {
        long count;
        do {
          count = poisson(random, 24);
        } while (count < 20);
        baseline[0][r] = count;
        candidate[0][r] = 0;
      }
    }
    List<FrameCounts> frames = new ArrayList<>(FRAMES);
    for (int g = 0; g < FRAMES; g++) {
      frames.add(new FrameCounts(baseline[g], candidate[g]));
    }
    return new Comparison(frames, baselineFactors, candidateFactors);
  }

  /** Fills one side's counts; returns its per-run factors 1 / requests (counts are samples). */
  private static double[] side(SplittableRandom random, Scenario s, double[] meanSamples, double[] noise,
                               long[][] counts, double frameZeroMultiplier) {
    double[] factors = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      double requests = 8_000 + 4_000 * random.nextDouble();
      double runFactor = Math.exp(s.runLogSd() * gaussian(random));
      factors[r] = 1 / requests;
      for (int g = 0; g < meanSamples.length; g++) {
        double tau = noise[g];
        double mean = meanSamples[g] * requests / 10_000 * runFactor
            * Math.exp(tau * gaussian(random) - tau * tau / 2) * (g == 0 ? frameZeroMultiplier : 1);
        counts[g][r] = poisson(random, mean);
      }
    }
    return factors;
  }

  static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Poisson draws: multiplication of uniforms below a mean of 10, Hörmann's PTRS (1993) above. */
  static long poisson(SplittableRandom random, double mean) {
    if (mean < 10) {
      double limit = Math.exp(-mean);
      long k = 0;
      double product = random.nextDouble();
      while (product > limit) {
        k++;
        product *= random.nextDouble();
      }
      return k;
    }
    double logMean = Math.log(mean);
    double b = 0.931 + 2.53 * Math.sqrt(mean);
    double a = -0.059 + 0.02483 * b;
    double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v * inverseAlpha / (a / (us * us) + b))
          <= -mean + k * logMean - SpecialFunctions.logGamma(k + 1.0)) {
        return k;
      }
    }
  }
}
