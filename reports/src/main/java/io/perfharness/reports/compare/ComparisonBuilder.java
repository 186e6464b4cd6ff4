package io.perfharness.reports.compare;

import io.perfharness.core.run.RunManifest;
import io.perfharness.profiling.app.ApplicationRule;
import io.perfharness.reports.stats.Verdict;
import io.perfharness.reports.stats.VerdictRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** Builds the {@link ComparisonModel} of two sides: metrics, profile diffs, reconciliation, warnings. */
public final class ComparisonBuilder {
  private ComparisonBuilder() {}

  public static ComparisonModel build(ComparisonSide baseline, ComparisonSide candidate, CompareOptions options) {
    ComparisonRule rule = ComparisonRule.of(baseline, candidate);
    List<MetricComparison> metrics = baseline.n() == 0 || candidate.n() == 0 ? List.of()
        : MetricTests.compare(valuesByMetric(baseline, rule.rule()), valuesByMetric(candidate, rule.rule()), options,
            units(baseline));
    List<EventComparison> profiles = ProfileComparisons.compare(baseline, candidate, rule.rule());
    List<String> warnings = new ArrayList<>(Comparability.warnings(baseline, candidate));
    warnings.addAll(rule.warnings());
    Map<String, Long> counts = new TreeMap<>();
    for (Verdict v : Verdict.values()) {
      counts.put(v.label(), metrics.stream().filter(m -> m.verdict() == v).count());
    }
    ComparisonModel.Decision decision = new ComparisonModel.Decision(CompareOptions.ALPHA,
        VerdictRule.DEFAULT_MIN_RUNS_PER_SIDE, MetricTests.CONFIDENCE_PERCENT,
        metrics.isEmpty() ? options.gated().stream().sorted().toList()
            : metrics.stream().filter(m -> m.metric().family() == MetricDefinition.Family.GATED).map(m -> m.metric().id())
                .sorted().toList(),
        options.minimumBand(), options.errorRateBand(),
        options.calibrationFile() == null ? null : options.calibrationFile().toString(),
        options.calibration() == null ? null : NoiseCalibrationFile.describe(options.calibration().machine()), counts,
        rule.rule().describe());
    return new ComparisonModel(ComparisonModel.SCHEMA_VERSION, side(baseline), side(candidate), decision, metrics,
        profiles, SoakComparison.of(baseline, candidate), Reconciliation.lines(metrics, profiles), warnings,
        reproduce(baseline, candidate));
  }

  /** Metric id to the per-run values of a side, in run order; a run that lacks a metric adds nothing to it. */
  static Map<String, List<Double>> valuesByMetric(ComparisonSide side, ApplicationRule rule) {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (LoadedRun run : side.runs()) {
      RunMetrics.values(run, rule).forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    return out;
  }

  /** A benchmark's score unit (ops/ms, ns/op) comes from its score files. */
  private static Map<String, String> units(ComparisonSide s) {
    Map<String, String> out = new LinkedHashMap<>();
    s.runs().stream().filter(LoadedRun::isBenchmark).findFirst().ifPresent(r ->
        out.put(r.bench().higherIsBetter() ? "jmh.throughput" : "jmh.score", r.bench().scoreUnit()));
    return out;
  }

  private static ComparisonModel.SideInfo side(ComparisonSide s) {
    return new ComparisonModel.SideInfo(s.name(), s.root().toString(),
        distinct(s, r -> r.manifest().target() == null ? null : r.manifest().target().spec()), s.n(),
        s.runs().stream().map(LoadedRun::runId).toList(), s.excluded());
  }

  static List<String> distinct(ComparisonSide s, Function<LoadedRun, String> f) {
    return s.runs().stream().map(f).filter(Objects::nonNull).distinct().sorted().toList();
  }

  private static Map<String, String> reproduce(ComparisonSide baseline, ComparisonSide candidate) {
    Map<String, String> out = new LinkedHashMap<>();
    ExperimentCommandLine.of(baseline.root(), candidate.root()).ifPresent(c -> out.put("experiment", c));
    for (ComparisonSide s : List.of(baseline, candidate)) {
      List<String> commands = distinct(s, r -> r.manifest().reproduceCommand());
      if (!commands.isEmpty()) {
        out.put(s.name(), commands.get(0) + (commands.size() > 1 ? "  (and " + (commands.size() - 1) + " other commands)" : ""));
      }
    }
    return out;
  }

  static RunManifest first(ComparisonSide s) {
    return s.runs().isEmpty() ? null : s.runs().get(0).manifest();
  }
}
