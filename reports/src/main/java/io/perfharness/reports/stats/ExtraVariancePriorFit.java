package io.perfharness.reports.stats;

/**
 * Fits an {@link ExtraVariancePrior} to a family of frames by maximum marginal likelihood: each
 * frame contributes its sample variance s² (df degrees of freedom) of the log cost per request,
 * whose true variance is its Poisson part P (known) plus its extra variance φ (drawn from the
 * prior). The two parameters are searched on a coarse grid, then refined by Nelder-Mead on
 * (ln d0, ln s0²). Stateless.
 */
final class ExtraVariancePriorFit {
  /** Fewer frames than this carry too little information about the spread of the extra variances. */
  static final int MIN_FRAMES = 10;

  private static final double MIN_SAMPLE_VARIANCE = 1e-12;
  private static final int NELDER_MEAD_ITERATIONS = 200;

  private ExtraVariancePriorFit() {}

  /**
   * @param sampleVariances per frame, the variance of its log cost per request over the runs
   * @param poissonVariances per frame, the Poisson part of that variance
   * @param degreesOfFreedom the degrees of freedom of every sample variance
   * @return the fitted prior, or {@link ExtraVariancePrior#NONE} for fewer than {@link #MIN_FRAMES}
   */
  static ExtraVariancePrior fit(double[] sampleVariances, double[] poissonVariances, int degreesOfFreedom) {
    int frames = sampleVariances.length;
    if (frames < MIN_FRAMES) {
      return ExtraVariancePrior.NONE;
    }
    // Likelihood of each frame at each grid point, scaled per frame (the scale cancels in the argmax).
    double[][] likelihood = new double[frames][ExtraVariancePrior.GRID_POINTS];
    for (int g = 0; g < frames; g++) {
      double s2 = Math.max(sampleVariances[g], MIN_SAMPLE_VARIANCE);
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < ExtraVariancePrior.GRID_POINTS; j++) {
        double sigma2 = poissonVariances[g] + ExtraVariancePrior.gridVariance(j);
        likelihood[g][j] = ExtraVariancePrior.logLikelihood(s2, sigma2, degreesOfFreedom);
        max = Math.max(max, likelihood[g][j]);
      }
      for (int j = 0; j < ExtraVariancePrior.GRID_POINTS; j++) {
        likelihood[g][j] = Math.exp(likelihood[g][j] - max);
      }
    }
    double[] best = coarseSearch(likelihood);
    double[] refined = nelderMead(likelihood, best);
    return prior(refined);
  }

  private static double[] coarseSearch(double[][] likelihood) {
    double[] best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    double logDfLow = Math.log(ExtraVariancePrior.MIN_DEGREES_OF_FREEDOM);
    double logDfHigh = Math.log(ExtraVariancePrior.MAX_DEGREES_OF_FREEDOM);
    double logScaleLow = Math.log(ExtraVariancePrior.MIN_EXTRA_VARIANCE);
    double logScaleHigh = Math.log(ExtraVariancePrior.MAX_EXTRA_VARIANCE);
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 7; b++) {
        double[] point = {logDfLow + a * (logDfHigh - logDfLow) / 4, logScaleLow + b * (logScaleHigh - logScaleLow) / 6};
        double value = logMarginal(likelihood, point);
        if (value > bestValue) {
          bestValue = value;
          best = point;
        }
      }
    }
    return best;
  }

  /** Nelder-Mead, maximizing; the bounds are enforced by clamping in {@link #prior}. */
  private static double[] nelderMead(double[][] likelihood, double[] start) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      simplex[i] = start.clone();
      if (i > 0) {
        simplex[i][i - 1] += 0.6;
      }
      values[i] = logMarginal(likelihood, simplex[i]);
    }
    for (int iteration = 0; iteration < NELDER_MEAD_ITERATIONS; iteration++) {
      sort(simplex, values);
      if (diameter(simplex) < 0.01) {
        // 0.01 on the log scale: a prior known to 1% is more than a family of frames can tell apart.
        break;
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < n; c++) {
          centroid[c] += simplex[i][c] / n;
        }
      }
      double[] reflected = along(centroid, simplex[n], -1);
      double reflectedValue = logMarginal(likelihood, reflected);
      if (reflectedValue > values[0]) {
        double[] expanded = along(centroid, simplex[n], -2);
        double expandedValue = logMarginal(likelihood, expanded);
        boolean expand = expandedValue > reflectedValue;
        simplex[n] = expand ? expanded : reflected;
        values[n] = expand ? expandedValue : reflectedValue;
      } else if (reflectedValue > values[n - 1]) {
        simplex[n] = reflected;
        values[n] = reflectedValue;
      } else {
        double[] contracted = along(centroid, simplex[n], 0.5);
        double contractedValue = logMarginal(likelihood, contracted);
        if (contractedValue > values[n]) {
          simplex[n] = contracted;
          values[n] = contractedValue;
        } else {
          for (int i = 1; i <= n; i++) {
            simplex[i] = along(simplex[0], simplex[i], 0.5);
            values[i] = logMarginal(likelihood, simplex[i]);
          }
        }
      }
    }
    sort(simplex, values);
    return simplex[0];
  }

  /** centroid + factor * (point - centroid). */
  private static double[] along(double[] centroid, double[] point, double factor) {
    double[] out = new double[centroid.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = centroid[c] + factor * (point[c] - centroid[c]);
    }
    return out;
  }

  private static double diameter(double[][] simplex) {
    double max = 0;
    for (int i = 1; i < simplex.length; i++) {
      double squares = 0;
      for (int c = 0; c < simplex[0].length; c++) {
        squares += (simplex[i][c] - simplex[0][c]) * (simplex[i][c] - simplex[0][c]);
      }
      max = Math.max(max, Math.sqrt(squares));
    }
    return max;
  }

  /** Sorts the vertices by value, best first (insertion sort: n + 1 is tiny). */
  private static void sort(double[][] simplex, double[] values) {
    for (int i = 1; i < values.length; i++) {
      double value = values[i];
      double[] point = simplex[i];
      int j = i - 1;
      while (j >= 0 && values[j] < value) {
        values[j + 1] = values[j];
        simplex[j + 1] = simplex[j];
        j--;
      }
      values[j + 1] = value;
      simplex[j + 1] = point;
    }
  }

  private static double logMarginal(double[][] likelihood, double[] point) {
    double[] weights = prior(point).gridWeights();
    double total = 0;
    for (double[] frame : likelihood) {
      // Four partial sums: the loop is the fit's whole cost, and one sum would be a serial chain.
      double a = 0;
      double b = 0;
      double c = 0;
      double d = 0;
      int j = 0;
      for (; j + 3 < weights.length; j += 4) {
        a += weights[j] * frame[j];
        b += weights[j + 1] * frame[j + 1];
        c += weights[j + 2] * frame[j + 2];
        d += weights[j + 3] * frame[j + 3];
      }
      for (; j < weights.length; j++) {
        a += weights[j] * frame[j];
      }
      total += Math.log(Math.max(a + b + c + d, Double.MIN_NORMAL));
    }
    return total;
  }

  /** (ln d0, ln s0²) to a prior, each clamped to its range. */
  private static ExtraVariancePrior prior(double[] point) {
    double df = Math.exp(point[0]);
    double scale = Math.exp(point[1]);
    return new ExtraVariancePrior(
        Math.min(Math.max(df, ExtraVariancePrior.MIN_DEGREES_OF_FREEDOM), ExtraVariancePrior.MAX_DEGREES_OF_FREEDOM),
        Math.min(Math.max(scale, ExtraVariancePrior.MIN_EXTRA_VARIANCE), ExtraVariancePrior.MAX_EXTRA_VARIANCE));
  }
}
