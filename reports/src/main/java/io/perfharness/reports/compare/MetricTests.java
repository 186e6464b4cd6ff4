package io.perfharness.reports.compare;

import io.perfharness.reports.stats.HodgesLehmann;
import io.perfharness.reports.stats.MannWhitney;
import io.perfharness.reports.stats.MetricVerdict;
import io.perfharness.reports.stats.MultipleComparisons;
import io.perfharness.reports.stats.ShiftEstimate;
import io.perfharness.reports.stats.Verdict;
import io.perfharness.reports.stats.VerdictRule;
import io.perfharness.reports.stats.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tests every metric of two sides: estimate and interval per metric, the p-values corrected
 * within each family (Holm, which bounds the chance of any false claim, for the gated metrics that
 * decide {@code --gate}; Benjamini-Hochberg, which bounds the share of false claims, for the other
 * whole-run metrics and for the per-request-name latencies), then the verdict against the
 * metric's noise band.
 */
final class MetricTests {
  static final int CONFIDENCE_PERCENT = 95;

  private MetricTests() {}

  private record Raw(MetricDefinition metric, double[] b, double[] c, ShiftEstimate estimate, boolean onRatio,
                     Double p) {}

  static List<MetricComparison> compare(Map<String, List<Double>> baseline, Map<String, List<Double>> candidate,
                                        CompareOptions options) {
    return compare(baseline, candidate, options, Map.of());
  }

  /** @param units unit overrides by metric id (a benchmark's score unit comes from its results) */
  static List<MetricComparison> compare(Map<String, List<Double>> baseline, Map<String, List<Double>> candidate,
                                        CompareOptions options, Map<String, String> units) {
    List<Raw> raws = new ArrayList<>();
    for (Map.Entry<String, List<Double>> e : baseline.entrySet()) {
      List<Double> c = candidate.get(e.getKey());
      if (c == null || c.isEmpty() || e.getValue().isEmpty()) {
        continue;
      }
      MetricDefinition metric = RunMetrics.definition(e.getKey(), options.gated());
      if (units.containsKey(e.getKey())) {
        metric = metric.withUnit(units.get(e.getKey()));
      }
      double[] bv = toArray(e.getValue());
      double[] cv = toArray(c);
      boolean positive = Arrays.stream(bv).allMatch(v -> v > 0) && Arrays.stream(cv).allMatch(v -> v > 0);
      boolean onRatio = !metric.difference() && positive;
      ShiftEstimate estimate = onRatio ? HodgesLehmann.ratio(bv, cv, CONFIDENCE_PERCENT / 100.0)
          : HodgesLehmann.shift(bv, cv, CONFIDENCE_PERCENT / 100.0);
      Double p = MannWhitney.test(bv, cv).pTwoSided();
      raws.add(new Raw(metric, bv, cv, estimate, onRatio, p));
    }
    Map<Raw, Double> adjusted = new LinkedHashMap<>();
    for (MetricDefinition.Family family : MetricDefinition.Family.values()) {
      List<Raw> members = raws.stream().filter(r -> r.metric().family() == family).toList();
      double[] ps = members.stream().mapToDouble(Raw::p).toArray();
      double[] adj = family == MetricDefinition.Family.GATED ? MultipleComparisons.holm(ps)
          : MultipleComparisons.benjaminiHochberg(ps);
      for (int i = 0; i < members.size(); i++) {
        adjusted.put(members.get(i), adj[i]);
      }
    }
    List<MetricComparison> out = new ArrayList<>();
    for (Raw r : raws) {
      out.add(decide(r, adjusted.get(r), options));
    }
    return out;
  }

  private static MetricComparison decide(Raw r, double adjustedP, CompareOptions options) {
    MetricDefinition m = r.metric();
    double medianB = median(r.b());
    double medianC = median(r.c());
    double band = options.band(m);
    VerdictRule rule = new VerdictRule(CompareOptions.ALPHA, VerdictRule.DEFAULT_MIN_RUNS_PER_SIDE, band);
    String correction = m.family() == MetricDefinition.Family.GATED ? "holm" : "bh";
    ShiftEstimate e = r.estimate();
    MetricVerdict verdict;
    Double ratio = null;
    Double ratioLower = null;
    Double ratioUpper = null;
    Double shift = null;
    Double shiftLower = null;
    Double shiftUpper = null;
    if (r.onRatio()) {
      ratio = e.estimate();
      ratioLower = e.lower();
      ratioUpper = e.upper();
      verdict = rule.decide(e, adjustedP, m.direction(), r.b().length, r.c().length);
    } else if (m.difference()) {
      shift = e.estimate();
      shiftLower = e.lower();
      shiftUpper = e.upper();
      verdict = rule.decideShift(e, adjustedP, m.direction(), r.b().length, r.c().length);
    } else {
      // A ratio metric with zeros (e.g. no lock contention in some runs): the shift's interval,
      // read relative to the baseline median; with a zero baseline median only significance speaks.
      shift = e.estimate();
      shiftLower = e.lower();
      shiftUpper = e.upper();
      if (medianB > 0) {
        ShiftEstimate asRatio = new ShiftEstimate(1 + e.estimate() / medianB, 1 + e.lower() / medianB,
            1 + e.upper() / medianB, e.achievedConfidence());
        ratio = asRatio.estimate();
        ratioLower = asRatio.lower();
        ratioUpper = asRatio.upper();
        verdict = rule.decide(asRatio, adjustedP, m.direction(), r.b().length, r.c().length);
      } else {
        verdict = zeroBaseline(r, adjustedP, rule);
      }
    }
    return new MetricComparison(m, box(r.b()), box(r.c()), medianB, medianC, ratio, ratioLower, ratioUpper, shift,
        shiftLower, shiftUpper, e.achievedConfidence(), r.p(), adjustedP, correction, band, options.bandSource(m),
        verdict.verdict(), verdict.reason());
  }

  private static MetricVerdict zeroBaseline(Raw r, double adjustedP, VerdictRule rule) {
    if (r.b().length < rule.minRunsPerSide() || r.c().length < rule.minRunsPerSide()) {
      return rule.decideShift(r.estimate(), adjustedP, r.metric().direction(), r.b().length, r.c().length);
    }
    boolean allZero = Arrays.stream(r.b()).allMatch(v -> v == 0) && Arrays.stream(r.c()).allMatch(v -> v == 0);
    if (allZero) {
      return new MetricVerdict(Verdict.NO_CHANGE, "zero on both sides");
    }
    ShiftEstimate e = r.estimate();
    boolean excludesZero = e.lower() > 0 || e.upper() < 0;
    if (adjustedP < rule.alpha() && excludesZero) {
      boolean rose = e.lower() > 0;
      boolean worse = rose == (r.metric().direction() == Direction.LOWER_IS_BETTER);
      return new MetricVerdict(worse ? Verdict.REGRESSION : Verdict.IMPROVEMENT,
          "baseline median is 0: judged on significance of the difference alone");
    }
    return new MetricVerdict(Verdict.INCONCLUSIVE, "baseline median is 0 and the difference is not significant");
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
  }

  private static List<Double> box(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
