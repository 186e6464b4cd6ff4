package io.perfharness.reports.stats;

import java.util.Arrays;

/**
 * A frame's posterior precision 1/σ² given its pooled within-side variance s² (a fixed number of
 * degrees of freedom), where σ² = P + φ: P its known Poisson part, φ its extra variance drawn
 * from an {@link ExtraVariancePrior}. Gives the posterior mean E[1/σ²] (1/E[1/σ²] is the moderated
 * variance: for P = 0 and a scaled inverse chi-square prior of d0 degrees of freedom it is limma's
 * (d0 s0² + d s²) / (d0 + d)) and the degrees of freedom of a gamma with the posterior's mean and
 * variance, 2 E[1/σ²]² / Var[1/σ²] (limma's d0 + d in the same case; large when P dominates, since
 * then little about σ² is uncertain). The permutation loop asks hundreds of times per frame, so
 * {@link #lookup} interpolates a table filled on demand. Not thread-safe (the table fills lazily).
 */
final class PosteriorPrecision {
  /** Degrees of freedom beyond which the t distribution is taken as normal. */
  static final double MAX_DEGREES_OF_FREEDOM = 10_000;

  private static final double LOG_MIN_POISSON = Math.log(1e-8);
  private static final double LOG_MAX_POISSON = Math.log(2);
  private static final double LOG_MIN_SAMPLE = Math.log(1e-10);
  private static final double LOG_MAX_SAMPLE = Math.log(100);
  private static final double POISSON_STEP = 0.3;
  private static final double SAMPLE_STEP = 0.25;
  private static final int POISSON_POINTS = (int) Math.ceil((LOG_MAX_POISSON - LOG_MIN_POISSON) / POISSON_STEP) + 1;
  private static final int SAMPLE_POINTS = (int) Math.ceil((LOG_MAX_SAMPLE - LOG_MIN_SAMPLE) / SAMPLE_STEP) + 1;

  private final ExtraVariancePrior prior;
  private final int degreesOfFreedom;
  private final double[] logWeights;
  private final double[] gridVariances;
  /**
   * Per row (ln P), ln E[1/σ²] and ln(degrees of freedom) at each ln s² node: rows null until
   * needed, nodes NaN until computed.
   */
  private final double[][] logPrecision = new double[POISSON_POINTS][];
  private final double[][] logDegreesOfFreedom = new double[POISSON_POINTS][];
  /** Per row of the table, ln σ² and 1/σ² at every grid point of the prior; null until needed. */
  private final double[][] rowLogVariances = new double[POISSON_POINTS][];
  private final double[][] rowPrecisions = new double[POISSON_POINTS][];
  private final double[] scratch;

  PosteriorPrecision(ExtraVariancePrior prior, int degreesOfFreedom) {
    this.prior = prior;
    this.degreesOfFreedom = degreesOfFreedom;
    double[] weights = prior.isNone() ? new double[0] : prior.gridWeights();
    this.logWeights = new double[weights.length];
    this.gridVariances = new double[weights.length];
    for (int j = 0; j < weights.length; j++) {
      logWeights[j] = weights[j] > 0 ? Math.log(weights[j]) : Double.NEGATIVE_INFINITY;
      gridVariances[j] = ExtraVariancePrior.gridVariance(j);
    }
    this.scratch = new double[weights.length];
  }

  /**
   * Puts E[1/σ²] in out[0] and the posterior's degrees of freedom in out[1], interpolated
   * (bilinear in ln P and ln s²; relative error well under 1%). Without a prior: 1/max(s², P),
   * the frame's own variance but never below what sampling alone must produce, with the
   * within-side degrees of freedom.
   */
  void lookup(double poissonVariance, double sampleVariance, double[] out) {
    if (prior.isNone()) {
      out[0] = 1 / Math.max(sampleVariance, poissonVariance);
      out[1] = degreesOfFreedom;
      return;
    }
    double x = (clamp(Math.log(poissonVariance), LOG_MIN_POISSON, LOG_MAX_POISSON) - LOG_MIN_POISSON) / POISSON_STEP;
    double y = (clamp(Math.log(sampleVariance), LOG_MIN_SAMPLE, LOG_MAX_SAMPLE) - LOG_MIN_SAMPLE) / SAMPLE_STEP;
    int i = Math.min((int) x, POISSON_POINTS - 2);
    int k = Math.min((int) y, SAMPLE_POINTS - 2);
    double fx = x - i;
    double fy = y - k;
    double w00 = (1 - fx) * (1 - fy);
    double w10 = fx * (1 - fy);
    double w01 = (1 - fx) * fy;
    double w11 = fx * fy;
    ensure(i, k);
    ensure(i + 1, k);
    ensure(i, k + 1);
    ensure(i + 1, k + 1);
    double[] p0 = logPrecision[i];
    double[] p1 = logPrecision[i + 1];
    double[] d0 = logDegreesOfFreedom[i];
    double[] d1 = logDegreesOfFreedom[i + 1];
    out[0] = Math.exp(w00 * p0[k] + w10 * p1[k] + w01 * p0[k + 1] + w11 * p1[k + 1]);
    out[1] = Math.exp(w00 * d0[k] + w10 * d1[k] + w01 * d0[k + 1] + w11 * d1[k + 1]);
  }

  /** E[1/σ²] and the degrees of freedom into out, by summing over the prior's grid. */
  void exact(double poissonVariance, double sampleVariance, double[] out) {
    if (prior.isNone()) {
      lookup(poissonVariance, sampleVariance, out);
      return;
    }
    double[] logVariances = new double[gridVariances.length];
    double[] precisions = new double[gridVariances.length];
    for (int j = 0; j < gridVariances.length; j++) {
      double sigma2 = poissonVariance + gridVariances[j];
      logVariances[j] = Math.log(sigma2);
      precisions[j] = 1 / sigma2;
    }
    posterior(logVariances, precisions, sampleVariance, out);
  }

  /** The posterior moments given, per grid point, ln σ² and 1/σ² for this frame's Poisson part. */
  private void posterior(double[] logVariances, double[] precisions, double sampleVariance, double[] out) {
    double halfDf = degreesOfFreedom / 2.0;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < logVariances.length; j++) {
      // ExtraVariancePrior.logLikelihood, spelled out with the logarithm and reciprocal precomputed.
      scratch[j] = logWeights[j] - halfDf * logVariances[j] - halfDf * sampleVariance * precisions[j];
      max = Math.max(max, scratch[j]);
    }
    double mass = 0;
    double first = 0;
    double second = 0;
    for (int j = 0; j < logVariances.length; j++) {
      double w = Math.exp(scratch[j] - max);
      mass += w;
      first += w * precisions[j];
      second += w * precisions[j] * precisions[j];
    }
    double mean = first / mass;
    double variance = Math.max(0, second / mass - mean * mean);
    out[0] = mean;
    out[1] = variance > 0 ? Math.min(MAX_DEGREES_OF_FREEDOM, 2 * mean * mean / variance) : MAX_DEGREES_OF_FREEDOM;
  }

  /** Computes table node (i, k) if it is not yet known. */
  private void ensure(int i, int k) {
    if (logPrecision[i] == null) {
      double poissonVariance = Math.exp(LOG_MIN_POISSON + i * POISSON_STEP);
      rowLogVariances[i] = new double[gridVariances.length];
      rowPrecisions[i] = new double[gridVariances.length];
      for (int j = 0; j < gridVariances.length; j++) {
        rowLogVariances[i][j] = Math.log(poissonVariance + gridVariances[j]);
        rowPrecisions[i][j] = 1 / (poissonVariance + gridVariances[j]);
      }
      logPrecision[i] = new double[SAMPLE_POINTS];
      logDegreesOfFreedom[i] = new double[SAMPLE_POINTS];
      Arrays.fill(logPrecision[i], Double.NaN);
    }
    if (Double.isNaN(logPrecision[i][k])) {
      double[] moments = new double[2];
      posterior(rowLogVariances[i], rowPrecisions[i], Math.exp(LOG_MIN_SAMPLE + k * SAMPLE_STEP), moments);
      logPrecision[i][k] = Math.log(moments[0]);
      logDegreesOfFreedom[i][k] = Math.log(moments[1]);
    }
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }
}
