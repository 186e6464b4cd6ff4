package io.perfharness.reports.stats;

/**
 * Student's t distribution with real-valued degrees of freedom: tail probabilities through the
 * regularized incomplete beta function and quantiles by bisection; above {@link #NORMAL_DF}
 * degrees of freedom, and for infinity, the standard normal. Stateless.
 */
final class StudentTDistribution {
  /** Beyond this many degrees of freedom t and the normal differ by less than 1e-7 in the tails used. */
  static final double NORMAL_DF = 1e7;

  private StudentTDistribution() {}

  /** P(T > t) for degreesOfFreedom > 0 (infinity allowed). */
  static double upperTail(double t, double degreesOfFreedom) {
    if (!(degreesOfFreedom > 0)) {
      throw new IllegalArgumentException("degreesOfFreedom must be > 0 but was " + degreesOfFreedom);
    }
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (degreesOfFreedom > NORMAL_DF) {
      return NormalDistribution.upperTail(t);
    }
    if (Double.isInfinite(t)) {
      return t > 0 ? 0 : 1;
    }
    double x = degreesOfFreedom / (degreesOfFreedom + t * t);
    double tail = 0.5 * SpecialFunctions.regularizedIncompleteBeta(x, degreesOfFreedom / 2, 0.5);
    return t >= 0 ? tail : 1 - tail;
  }

  /** P(|T| >= |t|). */
  static double twoSidedP(double t, double degreesOfFreedom) {
    return Math.min(1.0, 2.0 * upperTail(Math.abs(t), degreesOfFreedom));
  }

  /** The t with P(T <= t) = probability. */
  static double quantile(double probability, double degreesOfFreedom) {
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1) but was " + probability);
    }
    return quantile(probability, NormalDistribution.quantile(probability), degreesOfFreedom);
  }

  /**
   * The same, given the normal quantile of the same probability (a caller asking for many
   * degrees of freedom at one level computes it once): Newton's method from the Cornish-Fisher
   * start z + (z³ + z) / (4 df), bisection if Newton strays.
   */
  static double quantile(double probability, double normalQuantile, double degreesOfFreedom) {
    if (degreesOfFreedom > NORMAL_DF) {
      return normalQuantile;
    }
    if (probability < 0.5) {
      return -quantile(1 - probability, -normalQuantile, degreesOfFreedom);
    }
    double upper = 1 - probability;
    double z = normalQuantile;
    double t = z + (z * z * z + z) / (4 * degreesOfFreedom);
    double logDensityConstant = SpecialFunctions.logGamma((degreesOfFreedom + 1) / 2)
        - SpecialFunctions.logGamma(degreesOfFreedom / 2) - 0.5 * Math.log(degreesOfFreedom * Math.PI);
    for (int i = 0; i < 30 && t > 0 && Double.isFinite(t); i++) {
      double density = Math.exp(logDensityConstant - (degreesOfFreedom + 1) / 2 * Math.log1p(t * t / degreesOfFreedom));
      double step = (upperTail(t, degreesOfFreedom) - upper) / density;
      t += step;
      if (Math.abs(step) <= 1e-12 * t) {
        return t;
      }
    }
    return bisect(upper, degreesOfFreedom);
  }

  private static double bisect(double upper, double degreesOfFreedom) {
    double low = 0;
    double high = 1;
    while (upperTail(high, degreesOfFreedom) > upper) {
      high *= 2;
    }
    for (int i = 0; i < 200 && high - low > 1e-13 * high; i++) {
      double mid = 0.5 * (low + high);
      if (upperTail(mid, degreesOfFreedom) > upper) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return 0.5 * (low + high);
  }
}
