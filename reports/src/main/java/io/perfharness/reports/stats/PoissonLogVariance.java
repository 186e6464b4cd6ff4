package io.perfharness.reports.stats;

/**
 * The variance of ln(X + 0.5) for a Poisson count X of a given mean: the part of a frame's
 * run-to-run variance on the log scale that sampling alone explains. Exact sums, tabulated once on
 * a logarithmic grid of means and interpolated log-linearly (relative error under 1e-4 near a mean
 * of 1, under 1e-6 beyond 20); immutable and thread-safe.
 */
final class PoissonLogVariance {
  /** The pseudo-count, in samples, that keeps the logarithm of a count of 0 finite. */
  static final double PSEUDO_SAMPLES = 0.5;

  private static final double MIN_MEAN = 1e-4;
  private static final double MAX_MEAN = 1e5;
  private static final int POINTS = 721;
  private static final double LOG_MIN = Math.log(MIN_MEAN);
  private static final double LOG_STEP = (Math.log(MAX_MEAN) - LOG_MIN) / (POINTS - 1);
  /** ln(1.5) - ln(0.5): the step of ln(X + 0.5) from 0 to 1, all a tiny mean can produce. */
  private static final double FIRST_STEP = Math.log(3);
  /** ln of the variance: nearly linear in ln(mean) at both ends (ln μ + 2 ln ln 3, then -ln μ). */
  private static final double[] LOG_TABLE = new double[POINTS];

  static {
    for (int i = 0; i < POINTS; i++) {
      LOG_TABLE[i] = Math.log(exact(Math.exp(LOG_MIN + i * LOG_STEP)));
    }
  }

  private PoissonLogVariance() {}

  /** Var[ln(X + 0.5)] for X ~ Poisson(meanSamples); 0 for a mean of 0. */
  static double of(double meanSamples) {
    if (!(meanSamples > 0)) {
      return 0;
    }
    if (meanSamples < MIN_MEAN) {
      // Only 0 and 1 have weight: the variance is p(1-p) (ln 3)^2 with p near the mean.
      return meanSamples * FIRST_STEP * FIRST_STEP;
    }
    if (meanSamples >= MAX_MEAN) {
      // The delta method: 1/mean, off by less than 1e-10 here.
      return 1 / meanSamples;
    }
    double position = (Math.log(meanSamples) - LOG_MIN) / LOG_STEP;
    int i = Math.min((int) position, POINTS - 2);
    double f = position - i;
    return Math.exp(LOG_TABLE[i] * (1 - f) + LOG_TABLE[i + 1] * f);
  }

  /** The variance by summing the Poisson probabilities outward from the mode. */
  static double exact(double mean) {
    int mode = (int) Math.floor(mean);
    double logModeProbability = mode * Math.log(mean) - mean - SpecialFunctions.logGamma(mode + 1.0);
    int span = (int) Math.ceil(12 * Math.sqrt(mean) + 30);
    int from = Math.max(0, mode - span);
    int to = mode + span;
    double[] probability = new double[to - from + 1];
    probability[mode - from] = Math.exp(logModeProbability);
    for (int k = mode + 1; k <= to; k++) {
      probability[k - from] = probability[k - 1 - from] * mean / k;
    }
    for (int k = mode - 1; k >= from; k--) {
      probability[k - from] = probability[k + 1 - from] * (k + 1) / mean;
    }
    double total = 0;
    double sum = 0;
    for (int k = from; k <= to; k++) {
      total += probability[k - from];
      sum += probability[k - from] * Math.log(k + PSEUDO_SAMPLES);
    }
    double logMean = sum / total;
    double squares = 0;
    for (int k = from; k <= to; k++) {
      double deviation = Math.log(k + PSEUDO_SAMPLES) - logMean;
      squares += probability[k - from] * deviation * deviation;
    }
    return squares / total;
  }
}
