package io.perfharness.reports.compare;

import java.nio.file.Path;
import java.util.Set;

/**
 * How a comparison decides.
 *
 * @param gated metric ids that {@code --gate} acts on (Holm-corrected together)
 * @param minimumBand the smallest noise band for ratio metrics (0.05 = ±5%)
 * @param errorRateBand the band of the error rate, an absolute difference (0.001 = 0.1 points)
 * @param calibration A/A noise of this machine, or null
 * @param calibrationFile where the calibration came from (named in the report), or null
 */
public record CompareOptions(Set<String> gated, double minimumBand, double errorRateBand,
                             NoiseCalibration calibration, Path calibrationFile) {
  public static final double ALPHA = 0.05;

  public CompareOptions {
    gated = Set.copyOf(gated);
  }

  public static CompareOptions defaults() {
    return new CompareOptions(RunMetrics.DEFAULT_GATED, 0.05, 0.001, null, null);
  }

  public CompareOptions withCalibration(NoiseCalibration c, Path file) {
    return new CompareOptions(gated, minimumBand, errorRateBand, c, file);
  }

  /** The band of one metric: max(minimum, calibrated) for ratios; for differences the absolute band. */
  double band(MetricDefinition metric) {
    double floor = metric.difference() ? errorRateBand : minimumBand;
    if (calibration == null || calibration.metrics() == null) {
      return floor;
    }
    NoiseCalibration.MetricNoise noise = calibration.metrics().get(metric.id());
    if (noise == null || noise.difference() != metric.difference()) {
      return floor;
    }
    return Math.max(floor, noise.band());
  }

  String bandSource(MetricDefinition metric) {
    double floor = metric.difference() ? errorRateBand : minimumBand;
    return band(metric) > floor ? "A/A calibration" : "minimum";
  }
}
