package io.perfharness.reports.compare;

import java.nio.file.Path;
import java.util.Map;
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
  /**
   * Absolute bands of the soak slopes (per 1,000 requests): below these a slope difference is
   * noise for a 2-minute soak of the sample service (docs/soak.md: a leak there grows the heap
   * by about 1 MB per 1,000 requests, a thread leak by 27 threads, a connection leak by 0.7).
   */
  static final Map<String, Double> SOAK_BANDS = Map.of(
      "soak.heapAfterGc.slope", 65_536.0, "soak.threads.slope", 0.5, "soak.connections.slope", 0.1);

  double band(MetricDefinition metric) {
    double floor = SOAK_BANDS.containsKey(metric.id()) ? SOAK_BANDS.get(metric.id())
        : metric.difference() ? errorRateBand : minimumBand;
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
    double floor = SOAK_BANDS.containsKey(metric.id()) ? SOAK_BANDS.get(metric.id())
        : metric.difference() ? errorRateBand : minimumBand;
    return band(metric) > floor ? "A/A calibration" : "minimum";
  }
}
