package io.perfharness.reports.compare;

import io.perfharness.reports.stats.HodgesLehmann;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Turns the runs of an A/A experiment into a {@link NoiseCalibration}: all runs of both sides are
 * pooled (they ran the same target), split at random into two even halves many times (seeded), and
 * the spread of the Hodges-Lehmann estimate over those splits is the metric's noise at that n.
 */
public final class NoiseCalibrationBuilder {
  static final int RESAMPLES = 400;
  private static final long SEED = 20261126L;

  private NoiseCalibrationBuilder() {}

  public static NoiseCalibration build(ComparisonSide a, ComparisonSide b, String target, String experiment,
                                       NoiseCalibration.Machine machine, long createdEpochMs) {
    ComparisonRule rule = ComparisonRule.of(a, b);
    Map<String, List<Double>> valuesA = ComparisonBuilder.valuesByMetric(a, rule.rule());
    Map<String, List<Double>> valuesB = ComparisonBuilder.valuesByMetric(b, rule.rule());
    Map<String, NoiseCalibration.MetricNoise> metrics = new TreeMap<>();
    for (Map.Entry<String, List<Double>> e : valuesA.entrySet()) {
      List<Double> other = valuesB.get(e.getKey());
      if (other == null || e.getValue().size() < 2 || other.size() < 2) {
        continue;
      }
      boolean difference = RunMetrics.definition(e.getKey(), RunMetrics.DEFAULT_GATED).difference();
      metrics.put(e.getKey(), noise(toArray(e.getValue()), toArray(other), difference));
    }
    return new NoiseCalibration(NoiseCalibration.SCHEMA_VERSION, machine, target, experiment,
        Math.min(a.n(), b.n()), createdEpochMs, RESAMPLES, metrics);
  }

  static NoiseCalibration.MetricNoise noise(double[] a, double[] b, boolean difference) {
    double[] pooled = new double[a.length + b.length];
    System.arraycopy(a, 0, pooled, 0, a.length);
    System.arraycopy(b, 0, pooled, a.length, b.length);
    boolean anyNonPositive = Arrays.stream(pooled).anyMatch(v -> v <= 0);
    boolean absolute = difference || anyNonPositive;
    int half = pooled.length / 2;
    SplittableRandom random = new SplittableRandom(SEED);
    double[] deviations = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double[] shuffled = pooled.clone();
      for (int i = shuffled.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
      double[] x = Arrays.copyOfRange(shuffled, 0, half);
      double[] y = Arrays.copyOfRange(shuffled, half, 2 * half);
      deviations[r] = absolute ? Math.abs(HodgesLehmann.shift(x, y, 0.95).estimate())
          : Math.abs(HodgesLehmann.ratio(x, y, 0.95).estimate() - 1.0);
    }
    Arrays.sort(deviations);
    Double pairwise = null;
    if (!absolute) {
      List<Double> ratios = new ArrayList<>();
      for (double x : a) {
        for (double y : b) {
          ratios.add(Math.abs(y / x - 1.0));
        }
      }
      double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      pairwise = quantile(r, 0.95);
    }
    return new NoiseCalibration.MetricNoise(quantile(deviations, 0.95), quantile(deviations, 0.5),
        deviations[deviations.length - 1], pairwise, cv(a), cv(b), absolute);
  }

  /** Linear interpolation between closest ranks, on sorted values. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  static Double cv(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0);
    if (values.length < 2 || mean == 0) {
      return null;
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (values.length - 1)) / Math.abs(mean);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
