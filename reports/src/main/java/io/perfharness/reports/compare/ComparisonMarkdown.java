package io.perfharness.reports.compare;

import io.perfharness.reports.stats.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code COMPARISON.md}: the verdict table (benchstat-style), what moved, per event the
 * top movers with their stacks, appeared and vanished paths, comparability warnings and the
 * commands that reproduce both sides. Bounded to stay under 200 lines.
 */
public final class ComparisonMarkdown {
  static final int PER_REQUEST_ROWS = 12;
  static final int MOVER_ROWS = 6;
  static final int STACK_ROWS = 3;
  static final int PATH_ROWS = 3;

  private ComparisonMarkdown() {}

  public static String render(ComparisonModel m) {
    List<String> out = new ArrayList<>();
    out.add("# Comparison: " + m.baseline().name() + " vs " + m.candidate().name());
    out.add("");
    for (ComparisonModel.SideInfo s : List.of(m.baseline(), m.candidate())) {
      out.add(String.format(Locale.ROOT, "- **%s**: %s, %d valid run(s)%s, `%s`", s.name(),
          s.targets().isEmpty() ? "no target" : "`" + String.join("`, `", s.targets()) + "`", s.runs(),
          s.excluded().isEmpty() ? "" : ", " + s.excluded().size() + " left out", s.path()));
    }
    ComparisonModel.Decision d = m.decision();
    out.add(String.format(Locale.ROOT, "- **verdicts**: %s", verdictCounts(d.verdictCounts())));
    out.add(String.format(Locale.ROOT, "- **method**: per run (a fresh JVM) one value per metric; ratio = Hodges-Lehmann "
        + "candidate/baseline with its %d%% distribution-free interval; p = two-sided Mann-Whitney; Holm across the gated "
        + "metrics (%s), Benjamini-Hochberg across the other whole-run metrics and across the per-request-name latencies; "
        + "at least %d runs per side for a verdict; per profile frame (application and self views, at least 100 samples): "
        + "a moderated t on per-run log cost per request, its p adjusted family-wise over every tested frame of the "
        + "comparison by permuting whole runs (Westfall-Young), so at 5+5 runs an A/A comparison names a frame at most "
        + "12 times in 252.", d.confidencePercent(), String.join(", ", d.gated()), d.minRunsPerSide()));
    if (d.applicationFrames() != null) {
      out.add("- **application frames**: " + d.applicationFrames());
    }
    out.add(String.format(Locale.ROOT, "- **noise band**: ±%s, or wider where %s; error rate ±%s points.",
        pct(d.minimumBand()), d.calibrationFile() == null ? "an A/A calibration says so (none used: run `perf calibrate`)"
            : "the A/A calibration `" + d.calibrationFile() + "` (" + d.calibrationMachine() + ") says so",
        pct(d.errorRateBand())));
    out.add("");
    out.add("## Verdicts");
    out.add("");
    List<MetricComparison> whole = m.metrics().stream().filter(x -> x.metric().family() != MetricDefinition.Family.PER_REQUEST).toList();
    List<MetricComparison> perName = m.metrics().stream().filter(x -> x.metric().family() == MetricDefinition.Family.PER_REQUEST)
        .sorted(Comparator.comparing((MetricComparison x) -> x.verdict() == Verdict.NO_CHANGE)
            .thenComparing(x -> -Math.abs(x.ratio() == null ? 0 : Math.log(x.ratio()))))
        .toList();
    table(out, whole);
    if (!perName.isEmpty()) {
      out.add("");
      out.add("Per request name (" + perName.size() + " metrics" + (perName.size() > PER_REQUEST_ROWS
          ? ", the " + PER_REQUEST_ROWS + " that moved most; all in comparison.json" : "") + "):");
      out.add("");
      table(out, perName.stream().limit(PER_REQUEST_ROWS).toList());
    }
    List<String> reasons = new ArrayList<>();
    for (MetricComparison x : m.metrics().stream().limit(whole.size() + Math.min(perName.size(), PER_REQUEST_ROWS)).toList()) {
      if (x.verdict() == Verdict.INCONCLUSIVE && x.reason() != null && !reasons.contains(x.reason())) {
        reasons.add(x.reason());
      }
    }
    if (!reasons.isEmpty()) {
      out.add("");
      out.add("INCONCLUSIVE because: " + String.join("; ", reasons.stream().limit(4).toList())
          + (reasons.size() > 4 ? "; ..." : "") + ".");
    }
    if (!m.reconciliation().isEmpty()) {
      out.add("");
      out.add("## What moved");
      out.add("");
      m.reconciliation().forEach(line -> out.add("- " + line));
    }
    for (EventComparison e : m.profiles()) {
      event(out, e);
    }
    if (m.soak() != null) {
      soak(out, m);
    }
    if (!m.warnings().isEmpty()) {
      out.add("");
      out.add("## Comparability warnings");
      out.add("");
      m.warnings().stream().limit(12).forEach(w -> out.add("- " + w));
    }
    if (!m.reproduce().isEmpty()) {
      out.add("");
      out.add("## Reproduce");
      out.add("");
      for (Map.Entry<String, String> e : m.reproduce().entrySet()) {
        out.add("- " + e.getKey() + ": `" + e.getValue() + "`");
      }
    }
    out.add("");
    out.add("Files: `comparison.json` (everything above and every per-run value), `index.html` (differential flame graph, "
        + "percentile plot, timelines).");
    return String.join("\n", out) + "\n";
  }

  private static void table(List<String> out, List<MetricComparison> rows) {
    out.add("| metric | unit | baseline | candidate | ratio | 95% interval | p (corrected) | n | verdict |");
    out.add("|---|---|---:|---:|---:|---|---|---|---|");
    for (MetricComparison x : rows) {
      String ratio;
      String interval;
      if (x.ratio() != null) {
        ratio = String.format(Locale.ROOT, "%.3f", x.ratio());
        interval = String.format(Locale.ROOT, "[%.3f, %.3f]", x.ratioLower(), x.ratioUpper());
      } else if (x.shift() != null) {
        ratio = "Δ " + Reconciliation.num(x.shift());
        interval = "[" + Reconciliation.num(x.shiftLower()) + ", " + Reconciliation.num(x.shiftUpper()) + "]";
      } else {
        ratio = "-";
        interval = "-";
      }
      String p = x.pValue() == null ? "-" : String.format(Locale.ROOT, "%s (%s %s)", pval(x.pValue()), x.correction(),
          pval(x.adjustedP()));
      out.add(String.format(Locale.ROOT, "| %s%s | %s | %s | %s | %s | %s | %s | %d+%d | %s |", x.metric().id().replace("|", "\\|"),
          x.metric().family() == MetricDefinition.Family.GATED ? " (gated)" : "", x.metric().unit(),
          value(x.baselineMedian(), x.metric()), value(x.candidateMedian(), x.metric()), ratio, interval, p, x.nBaseline(),
          x.nCandidate(), "**" + x.verdict().label() + "**"));
    }
  }

  private static void event(List<String> out, EventComparison e) {
    out.add("");
    out.add(String.format(Locale.ROOT, "## Profile: %s (%s per %s; %d+%d runs)", e.event(), e.unit(), e.per(), e.runsBaseline(),
        e.runsCandidate()));
    out.add("");
    if (e.appMovers().isEmpty() && e.inclusiveMovers().isEmpty()) {
      out.add("Not diffed: " + String.join("; ", e.notes()));
      return;
    }
    out.add(String.format(Locale.ROOT, "Whole profile: %s -> %s %s/%s (%s%s).", Reconciliation.num(e.baselineTotalPerRequest()),
        Reconciliation.num(e.candidateTotalPerRequest()), e.unit(), e.per(),
        e.candidateTotalPerRequest() >= e.baselineTotalPerRequest() ? "+" : "",
        Reconciliation.num(e.candidateTotalPerRequest() - e.baselineTotalPerRequest())));
    out.add("");
    out.add("```");
    movers(out, "culprits first: movers by application frame (JDK, library and native cost charged to the application method"
        + " that called it; what carries the change below it in brackets)", e.appMovers(), e.unit());
    movers(out, "by inclusive cost (descriptive; frames that only pass a change through to one callee come last)",
        e.inclusiveMovers().stream().limit(MOVER_ROWS / 2 + 1).toList(), e.unit());
    movers(out, "by self cost", e.selfMovers().stream().limit(MOVER_ROWS / 2 + 1).toList(), e.unit());
    out.add("```");
    List<FrameMover> withStacks = e.appMovers().stream().filter(x -> x.stack() != null).limit(STACK_ROWS).toList();
    if (!withStacks.isEmpty()) {
      out.add("");
      out.add("Stacks of the top application movers (collapsed, hottest stack on the side where the frame costs more):");
      out.add("");
      out.add("```");
      withStacks.forEach(x -> out.add(x.stack()));
      out.add("```");
    }
    paths(out, "Appeared (candidate only)", e.appeared(), e.unit() + "/" + e.per());
    paths(out, "Vanished (baseline only)", e.vanished(), e.unit() + "/" + e.per());
    List<EventComparison.AncestorMove> anc = e.stableAncestors().stream().limit(PATH_ROWS).toList();
    if (!anc.isEmpty()) {
      out.add("");
      out.add("Stable ancestors (appeared and vanished code under a frame both sides share; net near 0 = renamed or re-inlined):");
      out.add("");
      for (EventComparison.AncestorMove a : anc) {
        out.add(String.format(Locale.ROOT, "- `%s`: appeared +%s, vanished -%s, net %s, ancestor total %s %s/%s",
            a.ancestor(), Reconciliation.num(a.appearedPerRequest()), Reconciliation.num(a.vanishedPerRequest()),
            signed(a.netPerRequest()), signed(a.ancestorDeltaPerRequest()), e.unit(), e.per()));
      }
    }
    if (!e.notes().isEmpty()) {
      out.add("");
      out.add("Notes: " + String.join("; ", e.notes().stream().limit(3).toList()) + (e.notes().size() > 3 ? "; ..." : ""));
    }
  }

  private static void soak(List<String> out, ComparisonModel m) {
    out.add("");
    out.add("## Soak: leaks side by side");
    out.add("");
    out.add("Slopes per 1,000 completed requests are in the verdict table (`soak.*.slope`). Classes suspected on either side:");
    out.add("");
    if (m.soak().suspects().isEmpty()) {
      out.add("No class was suspected on either side.");
      return;
    }
    out.add("| class | baseline: runs suspected | owned bytes/1k req | candidate: runs suspected | owned bytes/1k req |");
    out.add("|---|---|---:|---|---:|");
    for (SoakComparison.SuspectRow r : m.soak().suspects()) {
      out.add(String.format(Locale.ROOT, "| `%s` | %d of %d | %s | %d of %d | %s |", r.className(), r.baselineRunsSuspected(),
          r.baselineRuns(), r.baselineOwnedBytesPerThousandRequests() == null ? "-"
              : Reconciliation.num(r.baselineOwnedBytesPerThousandRequests()), r.candidateRunsSuspected(), r.candidateRuns(),
          r.candidateOwnedBytesPerThousandRequests() == null ? "-" : Reconciliation.num(r.candidateOwnedBytesPerThousandRequests())));
    }
  }

  private static void movers(List<String> out, String title, List<FrameMover> rows, String unit) {
    if (rows.isEmpty()) {
      return;
    }
    out.add(title + ":");
    out.add(String.format(Locale.ROOT, "  %10s %10s %10s  %-34s %s", "baseline", "candidate", "delta", "test (adjusted p)",
        "frame"));
    for (FrameMover x : rows.stream().limit(MOVER_ROWS).toList()) {
      String test = x.adjustedP() == null ? shortTest(x.test())
          : String.format(Locale.ROOT, "%s (p=%s)", shortTest(x.test()), pval(x.adjustedP()));
      String mark = (x.appeared() ? " [appeared]" : x.vanished() ? " [vanished]" : "")
          + (x.via() != null ? " [" + x.via() + "]" : "")
          + (x.passesThroughTo() != null ? " [passes it to " + x.passesThroughTo() + "]" : "");
      out.add(String.format(Locale.ROOT, "  %10s %10s %10s  %-34s %s%s", Reconciliation.num(x.baselinePerRequest()),
          Reconciliation.num(x.candidatePerRequest()), signed(x.deltaPerRequest()), test, x.frame(), mark));
    }
  }

  /** The test column stays a column: the long reasons are in comparison.json. */
  private static String shortTest(String test) {
    if (test.startsWith("not significant:")) {
      return "not significant (too few runs)";
    }
    if (test.startsWith("low samples")) {
      return "low samples, not tested";
    }
    if (test.equals(FrameTests.DESCRIPTIVE)) {
      return "descriptive";
    }
    return test.length() > 34 ? test.substring(0, 33) + "…" : test;
  }

  private static void paths(List<String> out, String title, List<EventComparison.PathChange> paths, String unit) {
    if (paths.isEmpty()) {
      return;
    }
    out.add("");
    out.add(title + ", " + unit + ":");
    out.add("");
    out.add("```");
    paths.stream().limit(PATH_ROWS).forEach(p -> out.add(p.stack() + " " + Reconciliation.num(p.perRequest())));
    out.add("```");
  }

  static String signed(double v) {
    return (v > 0 ? "+" : "") + Reconciliation.num(v);
  }

  private static String value(double v, MetricDefinition m) {
    return m.difference() ? String.format(Locale.ROOT, "%.4f", v) : Reconciliation.num(v);
  }

  static String pval(Double p) {
    if (p == null) {
      return "-";
    }
    return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
  }

  private static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction).replace(".0%", "%");
  }

  private static String verdictCounts(Map<String, Long> counts) {
    List<String> parts = new ArrayList<>();
    for (Verdict v : Verdict.values()) {
      long n = counts.getOrDefault(v.label(), 0L);
      if (n > 0) {
        parts.add(n + " " + v.label());
      }
    }
    return parts.isEmpty() ? "none (nothing comparable)" : String.join(", ", parts);
  }
}
