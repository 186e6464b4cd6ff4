package io.perfharness.reports.compare;

import io.perfharness.reports.stats.Verdict;
import java.util.List;

/**
 * One metric compared across runs, benchstat-style: the per-run values of each side, their
 * medians, the Hodges-Lehmann estimate with its distribution-free interval, the Mann-Whitney p
 * (raw and corrected within the metric's family) and the verdict with its reason. Immutable.
 *
 * @param ratio candidate/baseline (Hodges-Lehmann on logs); for difference metrics, and for ratio
 *     metrics whose baseline median is 0, null
 * @param ratioLower lower end of the ratio's interval (null with ratio)
 * @param shift for difference metrics (error rate): candidate - baseline, Hodges-Lehmann
 * @param achievedConfidence actual coverage of the interval (below 0.95 when n is tiny)
 * @param pValue two-sided Mann-Whitney p, uncorrected
 * @param adjustedP p after the family's correction ({@code holm} or {@code bh})
 * @param noiseBand the band inside which a change counts as NO CHANGE: a fraction for ratios, an
 *     absolute value for differences
 */
public record MetricComparison(
    MetricDefinition metric,
    List<Double> baselineValues,
    List<Double> candidateValues,
    double baselineMedian,
    double candidateMedian,
    Double ratio,
    Double ratioLower,
    Double ratioUpper,
    Double shift,
    Double shiftLower,
    Double shiftUpper,
    Double achievedConfidence,
    Double pValue,
    Double adjustedP,
    String correction,
    double noiseBand,
    String noiseBandSource,
    Verdict verdict,
    String reason) {

  public MetricComparison {
    baselineValues = List.copyOf(baselineValues);
    candidateValues = List.copyOf(candidateValues);
  }

  public int nBaseline() {
    return baselineValues.size();
  }

  public int nCandidate() {
    return candidateValues.size();
  }

  /** candidate median - baseline median, in the metric's unit (a descriptive delta, also for n=1). */
  public double medianDelta() {
    return candidateMedian - baselineMedian;
  }
}
