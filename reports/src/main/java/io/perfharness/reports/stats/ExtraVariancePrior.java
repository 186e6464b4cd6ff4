package io.perfharness.reports.stats;

/**
 * The empirical Bayes prior of a family of frames for their extra run-to-run variance: the
 * variance of a frame's log cost per request beyond what Poisson sampling explains (JIT, GC,
 * scheduling, the machine). The extra variance φ of a frame is taken as scaled inverse chi-square,
 * φ ~ scale · degreesOfFreedom / χ²(degreesOfFreedom), as limma takes a gene's variance (Smyth
 * 2004), but the Poisson part stays outside the prior, known from the counts. Immutable.
 *
 * @param degreesOfFreedom the prior's d0: how many runs' worth of evidence it carries; small when
 *     frames differ much in noisiness; {@link #MAX_DEGREES_OF_FREEDOM} stands for "all frames alike";
 *     0 for {@link #NONE}
 * @param scale the prior's typical extra variance s0² on the natural-log scale (0.01 is about 10%
 *     run-to-run noise)
 */
public record ExtraVariancePrior(double degreesOfFreedom, double scale) {
  /** No prior: each frame's variance from its own runs alone (too few frames to learn from). */
  public static final ExtraVariancePrior NONE = new ExtraVariancePrior(0, 0);

  /** Fitted priors stop here: d0 = 1,000 weighs as much as the within-side variances of 125 comparisons at 5+5. */
  static final double MAX_DEGREES_OF_FREEDOM = 1000;
  static final double MIN_DEGREES_OF_FREEDOM = 0.2;

  /** The grid of extra variances the prior and posteriors live on (natural-log scale variances). */
  static final double MIN_EXTRA_VARIANCE = 1e-6;
  static final double MAX_EXTRA_VARIANCE = 30;
  static final int GRID_POINTS = 80;
  private static final double LOG_GRID_STEP =
      (Math.log(MAX_EXTRA_VARIANCE) - Math.log(MIN_EXTRA_VARIANCE)) / (GRID_POINTS - 1);
  private static final double[] LOG_GRID = new double[GRID_POINTS];
  private static final double[] GRID = new double[GRID_POINTS];

  static {
    for (int i = 0; i < GRID_POINTS; i++) {
      LOG_GRID[i] = Math.log(MIN_EXTRA_VARIANCE) + i * LOG_GRID_STEP;
      GRID[i] = Math.exp(LOG_GRID[i]);
    }
  }

  public ExtraVariancePrior {
    boolean none = degreesOfFreedom == 0 && scale == 0;
    if (!none && !(degreesOfFreedom >= MIN_DEGREES_OF_FREEDOM && degreesOfFreedom <= MAX_DEGREES_OF_FREEDOM)) {
      throw new IllegalArgumentException("degreesOfFreedom must be in [" + MIN_DEGREES_OF_FREEDOM + ", "
          + MAX_DEGREES_OF_FREEDOM + "] (or 0 with scale 0 for no prior) but was " + degreesOfFreedom);
    }
    if (!none && !(scale > 0 && Double.isFinite(scale))) {
      throw new IllegalArgumentException("scale must be finite and > 0 but was " + scale);
    }
  }

  /** Whether this is {@link #NONE}. */
  public boolean isNone() {
    return degreesOfFreedom == 0;
  }

  /** The i-th extra variance of the grid, i in [0, GRID_POINTS). */
  static double gridVariance(int i) {
    return GRID[i];
  }

  /** The prior's mass on each grid point (density in log φ at the point, normalized). */
  double[] gridWeights() {
    double[] weights = new double[GRID_POINTS];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < GRID_POINTS; i++) {
      // Scaled inverse chi-square density of φ times φ (the Jacobian of log φ), up to a constant.
      weights[i] = -degreesOfFreedom / 2 * LOG_GRID[i] - degreesOfFreedom * scale / (2 * GRID[i]);
      max = Math.max(max, weights[i]);
    }
    double total = 0;
    for (int i = 0; i < GRID_POINTS; i++) {
      weights[i] = Math.exp(weights[i] - max);
      total += weights[i];
    }
    for (int i = 0; i < GRID_POINTS; i++) {
      weights[i] /= total;
    }
    return weights;
  }

  /**
   * ln of the density of a sample variance s² with df degrees of freedom when the true variance
   * is σ², without the terms that depend on s² alone (they cancel in every use here).
   */
  static double logLikelihood(double sampleVariance, double trueVariance, int degreesOfFreedom) {
    return -degreesOfFreedom / 2.0 * Math.log(trueVariance) - degreesOfFreedom * sampleVariance / (2 * trueVariance);
  }
}
