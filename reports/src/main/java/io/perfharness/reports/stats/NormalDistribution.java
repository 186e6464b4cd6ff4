package io.perfharness.reports.stats;

/**
 * The standard normal distribution: cumulative probability accurate in the far tails (relative
 * error near 1e-13) and its inverse; stateless.
 */
final class NormalDistribution {

    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    /** Below this the power series of erf is used, above it the continued fraction of erfc. */
    private static final double SERIES_LIMIT = 2.5;
    private static final int CONTINUED_FRACTION_TERMS = 300;

    private NormalDistribution() {
    }

    /** P(Z <= z). */
    static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        // Compute the smaller tail directly so small probabilities keep their relative precision.
        return z < 0 ? 0.5 * erfc(-z / SQRT_2) : 1.0 - 0.5 * erfc(z / SQRT_2);
    }

    /** P(Z >= z). */
    static double upperTail(double z) {
        return cdf(-z);
    }

    /** The z with P(Z <= z) = probability, by bisection on {@link #cdf}. */
    static double quantile(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1) but was " + probability);
        }
        if (probability > 0.5) {
            return -quantile(1.0 - probability);
        }
        double low = -40.0;
        double high = 0.0;
        for (int i = 0; i < 200 && high - low > 1e-15; i++) {
            double mid = 0.5 * (low + high);
            if (cdf(mid) < probability) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /** The complementary error function for x >= 0. */
    static double erfc(double x) {
        if (x < 0) {
            return 2.0 - erfc(-x);
        }
        if (x < SERIES_LIMIT) {
            return 1.0 - erfSeries(x);
        }
        // Laplace's continued fraction, evaluated from the tail: it converges fast for x >= 2.5.
        double fraction = x;
        for (int k = CONTINUED_FRACTION_TERMS; k >= 1; k--) {
            fraction = x + (k / 2.0) / fraction;
        }
        return Math.exp(-x * x) / (SQRT_PI * fraction);
    }

    /** erf(x) = 2/sqrt(pi) exp(-x^2) sum_k 2^k x^(2k+1) / (1*3*...*(2k+1)); every term positive. */
    private static double erfSeries(double x) {
        double term = x;
        double sum = x;
        double twoXSquared = 2.0 * x * x;
        for (int k = 1; k < 500; k++) {
            term *= twoXSquared / (2 * k + 1);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return 2.0 / SQRT_PI * Math.exp(-x * x) * sum;
    }
}
