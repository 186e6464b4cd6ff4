package io.perfharness.reports.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfharness.reports.stats.Verdict;
import java.util.List;
import java.util.Map;

/**
 * Everything a comparison found, before rendering: what was compared, the verdict per metric,
 * the profile diff per event, the reconciliation of latency with profile movement, and what makes
 * the two sides less comparable; for soak runs, the leak suspects side by side. {@code
 * comparison.json} is this record. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonModel(
    int schemaVersion,
    SideInfo baseline,
    SideInfo candidate,
    Decision decision,
    List<MetricComparison> metrics,
    List<EventComparison> profiles,
    SoakComparison soak,
    List<String> reconciliation,
    List<String> warnings,
    Map<String, String> reproduce) {

  /**
   * 2: movers carry {@code ratioLower}, {@code ratioUpper}, {@code adjustedP} (the moderated per-frame
   * test) instead of {@code shiftLower}, {@code shiftUpper}, {@code qValue}, and {@code via},
   * {@code passesThroughTo}; {@code decision.applicationFrames}.
   */
  public static final int SCHEMA_VERSION = 2;

  /** One side as compared. */
  public record SideInfo(String name, String path, List<String> targets, int runs, List<String> runIds,
                         List<ExcludedRun> excluded) {}

  /**
   * How verdicts were reached.
   *
   * @param gated the gated metric ids
   * @param minimumBand the floor of the ratio noise band
   * @param calibrationFile the A/A calibration used, or null
   * @param applicationFrames the application rule every application view and {@code *.app.perRequest} metric
   *     used, in one line (kind: prefixes (source))
   */
  public record Decision(double alpha, int minRunsPerSide, int confidencePercent, List<String> gated,
                         double minimumBand, double errorRateBand, String calibrationFile, String calibrationMachine,
                         Map<String, Long> verdictCounts, String applicationFrames) {}

  /** Whether a gated metric regressed (what {@code --gate} exits 1 on). */
  public boolean gatedRegression() {
    return metrics.stream().anyMatch(m -> m.metric().family() == MetricDefinition.Family.GATED
        && m.verdict() == Verdict.REGRESSION);
  }
}
