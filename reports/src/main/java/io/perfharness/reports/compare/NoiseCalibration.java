package io.perfharness.reports.compare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code calibration.json}: the noise an A/A experiment (the same target on both sides) showed on
 * one machine, per metric. Comparisons on the same machine widen their noise band to
 * {@code max(5%, band)} and name the file. Immutable; fields in {@code docs/comparison.md}.
 *
 * @param machine where it was measured; a comparison uses it only on a matching machine
 * @param metrics metric id to its observed noise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoiseCalibration(
    int schemaVersion,
    Machine machine,
    String target,
    String experiment,
    int runsPerSide,
    long createdEpochMs,
    int resamples,
    Map<String, MetricNoise> metrics) {

  public static final int SCHEMA_VERSION = 1;

  /** The machine identity a calibration is valid for. */
  public record Machine(String hostname, int availableProcessors, String os, String arch) {}

  /**
   * One metric's noise.
   *
   * @param band the 95th percentile of |Hodges-Lehmann ratio - 1| (of |shift| for difference
   *     metrics) over random even splits of all A/A runs: how far an estimate at this n strays
   *     when nothing changed
   * @param p50 median of the same
   * @param max largest of the same
   * @param pairwiseP95 95th percentile of |run/run ratio - 1| over all pairs of single runs: the
   *     noise of comparing one run with one run
   * @param cvBaseline per-run variation on the baseline side: standard deviation / mean
   * @param cvCandidate the same on the candidate side
   * @param difference true when the values are absolute differences, not ratios
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MetricNoise(double band, double p50, double max, Double pairwiseP95, Double cvBaseline,
                            Double cvCandidate, boolean difference) {}
}
